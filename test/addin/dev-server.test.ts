// `npm start` and `npm run sideload`: the Vite dev server (on a free port here) serves the committed
// manifest.xml at /manifest.xml, where the sideload link sends Excel on the web, and the pane; it
// says which certificate it uses and what to accept once.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createLogger, createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateNote, DEV_CERTIFICATE } from '../../addin/vite.config.js';
import { ROOT } from './pane-server.js';

const MANIFEST = join(ROOT, 'manifest.xml');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, 'localhost', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** GETs an https URL without checking the certificate (the dev one may be self-signed). */
function fetchInsecure(url: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    }).on('error', reject);
  });
}

describe('the development server (npm start)', () => {
  let server: ViteDevServer;
  let port: number;
  const logged: string[] = [];

  beforeAll(async () => {
    port = await freePort();
    const logger = createLogger('info');
    logger.info = (message) => { logged.push(message); };
    logger.warn = (message) => { logged.push(`warn: ${message}`); };
    server = await createServer({
      configFile: join(ROOT, 'addin/vite.config.ts'),
      customLogger: logger,
      server: { port, strictPort: true },
      // No dependency pre-bundling: it would write (and, stopped early, leave) folders in node_modules/.vite.
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await server.listen();
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('serves the committed manifest.xml at /manifest.xml, as it is', async () => {
    const got = await fetchInsecure(`https://localhost:${port}/manifest.xml`);
    expect(got.status).toBe(200);
    expect(got.type).toBe('application/xml; charset=utf-8');
    expect(got.body).toBe(readFileSync(MANIFEST, 'utf8'));
  });

  it('serves the task pane the manifest names', async () => {
    const got = await fetchInsecure(`https://localhost:${port}/taskpane.html`);
    expect(got.status).toBe(200);
    expect(got.body).toContain('<title>ATT Meetings</title>');
  });

  it('says where the pane and the manifest are, and which certificate it uses', async () => {
    await expect.poll(() => logged.join('\n')).toContain(`Manifest:  https://localhost:${port}/manifest.xml`);
    const said = logged.join('\n');
    expect(said).toContain(`Task pane: https://localhost:${port}/taskpane.html`);
    expect(said).toContain(DEV_CERTIFICATE === 'trusted' ? 'made and trusted by `npx office-addin-dev-certs install`' : 'a self-signed one made for this server');
  });
});

describe('what npm start says about its certificate', () => {
  it('tells, for a self-signed one, what to accept once and how to get a trusted one', () => {
    const note = certificateNote('self-signed', 'https://localhost:3000');
    expect(note).toContain('open https://localhost:3000/taskpane.html in the browser you use for Excel, and accept the warning');
    expect(note).toContain('run `npx office-addin-dev-certs install` once, then `npm start` again');
  });
  it('names the trusted one when office-addin-dev-certs has installed it', () => {
    const note = certificateNote('trusted', 'https://localhost:3000');
    expect(note).toMatch(/\.office-addin-dev-certs\/localhost\.crt, made and trusted by/);
    expect(note).not.toContain('accept the warning');
  });
});

describe.runIf(process.platform === 'linux')('npm run sideload -- <workbook URL> (Linux: Excel on the web)', () => {
  it('builds a link that sends Excel to the manifest the dev server serves', async () => {
    const workbook = 'https://contoso.sharepoint.com/:x:/r/sites/att/_layouts/15/Doc.aspx?sourcedoc=%7B1234%7D&action=default';
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'addin/scripts/sideload.mjs'), workbook], { cwd: ROOT });
    const link = new URL(stdout.split('\n')[1]!);
    expect(link.href.startsWith(workbook)).toBe(true);
    // Excel on the web fetches https://localhost:<port>/<file>: the port npm start listens on, the
    // file the dev server serves (checked above), the add-in's id from manifest.xml.
    expect(link.searchParams.get('wdaddindevserverport')).toBe('3000');
    expect(link.searchParams.get('wdaddinmanifestfile')).toBe('manifest.xml');
    expect(link.searchParams.get('wdaddinmanifestguid')).toBe('5b0c3f8e-7a4d-4b8e-9c2a-1f6d2e9a7c41');
    const config = (await import('../../addin/vite.config.js')).default as { server?: { port?: number } };
    expect(config.server?.port).toBe(3000);
    expect(stdout).toContain('Excel on the web then fetches https://localhost:3000/manifest.xml.');
  });
});
