// manifest.xml: valid against Microsoft's published schemas (offline, xmllint), readable by
// office-addin-manifest, its icons real PNGs of the sizes it claims, its Requirements the level the
// code checks, and the production manifest that build:addin writes for ADDIN_BASE_URL.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { EXCEL_API_LEVEL } from '../../addin/src/excel/requirements.js';
import { productionBaseUrl } from '../../addin/vite.config.js';
import { tempDir } from '../support/temp-dir.js';
import { ROOT } from './pane-server.js';

const MANIFEST = join(ROOT, 'manifest.xml');
const VALIDATOR = join(ROOT, '../shared/tools/validate-manifest');
const hasValidator = existsSync(VALIDATOR) && (() => {
  try { execFileSync('xmllint', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
})();

function validate(path: string): { ok: boolean; output: string } {
  try {
    execFileSync('bash', [VALIDATOR, path], { stdio: 'pipe', encoding: 'utf8' });
    return { ok: true, output: '' };
  } catch (e) {
    return { ok: false, output: String((e as { stderr?: string }).stderr ?? e) };
  }
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('manifest.xml', () => {
  it.skipIf(!hasValidator)('validates against the Office add-in manifest schemas', () => {
    expect(validate(MANIFEST)).toEqual({ ok: true, output: '' });
  });

  it.runIf(!hasValidator && Boolean(process.env.CI))('has its schema validator under CI', () => {
    expect.fail(`no ${VALIDATOR} or no xmllint (apt-get install libxml2-utils)`);
  });

  it('parses with office-addin-manifest as an Excel task pane app on localhost:3000', async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info).toMatchObject({
      officeAppType: 'TaskPaneApp',
      displayName: 'ATT Meetings',
      permissions: 'ReadWriteDocument',
      hosts: ['Workbook'],
      defaultSettings: { sourceLocation: 'https://localhost:3000/taskpane.html' },
    });
    expect(info.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('declares the ExcelApi level the code checks at runtime', () => {
    const xml = readFileSync(MANIFEST, 'utf8');
    expect(xml).toContain(`<Set Name="ExcelApi" MinVersion="${EXCEL_API_LEVEL}"/>`);
  });

  it('points at icons that exist, at 16, 32, 64 and 80 px, all over https', () => {
    const xml = readFileSync(MANIFEST, 'utf8');
    const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.every((u) => u.startsWith('https://localhost:3000/'))).toBe(true);
    const icons = [...new Set(urls.filter((u) => u.endsWith('.png')))].sort();
    expect(icons).toEqual([16, 32, 64, 80].map((n) => `https://localhost:3000/assets/icon-${n}.png`).sort());
    for (const url of icons) {
      const size = Number(/icon-(\d+)\.png$/.exec(url)![1]);
      expect(pngSize(join(ROOT, 'addin/public', new URL(url).pathname))).toEqual([size, size]);
    }
  });
});

describe('production manifest (build:addin with ADDIN_BASE_URL)', () => {
  const out = tempDir('att-addin-'); // removed after the file (test/setup.ts), or by the run

  it('refuses a base URL that is not https', () => {
    expect(productionBaseUrl('https://att.example.org/meetings/')).toBe('https://att.example.org/meetings');
    expect(() => productionBaseUrl('http://att.example.org')).toThrow(/must be an https URL/);
    expect(productionBaseUrl(undefined)).toBe('https://localhost:3000');
  });

  it('writes dist/manifest.xml with every URL on the production host, still valid', async () => {
    const before = process.env.ADDIN_BASE_URL;
    process.env.ADDIN_BASE_URL = 'https://att.example.org/meetings';
    try {
      await build({ configFile: join(ROOT, 'addin/vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    } finally {
      if (before === undefined) delete process.env.ADDIN_BASE_URL;
      else process.env.ADDIN_BASE_URL = before;
    }
    const xml = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(xml).not.toContain('localhost');
    expect(xml).toContain('<SourceLocation DefaultValue="https://att.example.org/meetings/taskpane.html"/>');
    const info = await OfficeAddinManifest.readManifestFile(join(out, 'manifest.xml'));
    expect(info.defaultSettings?.sourceLocation).toBe('https://att.example.org/meetings/taskpane.html');
    if (hasValidator) expect(validate(join(out, 'manifest.xml')).ok).toBe(true);
    // The bundle is browser code only: no Node built-ins, no Node-only packages, no inline script.
    const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[2]!.trim())).toEqual(['', '']);
    expect(scripts.map((m) => /src="([^"]+)"/.exec(m[1]!)![1]!)).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', expect.stringMatching(/^\.\/assets\/taskpane-[\w-]+\.js$/)]);
    expect(html).toMatch(/http-equiv="Content-Security-Policy"[\s\S]*script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(/script-src[^;]*unsafe-inline/.test(html)).toBe(false);
    const jsFile = join(out, scripts[1]![1]!.match(/src="\.\/([^"]+)"/)![1]!);
    const js = readFileSync(jsFile, 'utf8');
    const found = (patterns: RegExp[]) => patterns.filter((p) => p.test(js)).map(String);
    expect(found([/from\s*["']node:/, /import\(["']node:/, /require\(["'](?:node:)?(?:fs|path|os|child_process|zlib|stream)["']\)/, /exceljs/i, /pdfkit/i, /@napi-rs\/canvas/, /yauzl/])).toEqual([]);
    // No network calls of its own (no fetch, XHR, WebSocket or beacon), nothing kept in browser storage.
    expect(found([/\bfetch\(/, /XMLHttpRequest/, /new WebSocket\(/, /sendBeacon/, /localStorage/, /sessionStorage/, /indexedDB/])).toEqual([]);
  }, 60_000);
});
