// Builds and serves the task pane: `npm start` serves it over HTTPS on port 3000, `npm run
// build:addin` writes addin/dist with a manifest whose URLs point at ADDIN_BASE_URL (the production
// host), the committed manifest.xml staying on localhost. The dev certificate is the one
// `npx office-addin-dev-certs install` trusts on Windows and macOS when present (desktop Excel
// refuses an untrusted one), else a self-signed one made at start (enough for Excel on the web
// once the browser has accepted it, and for Linux).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import basicSsl from '@vitejs/plugin-basic-ssl';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const DEV_URL = 'https://localhost:3000';

/** The production base URL, checked: https, no trailing slash. */
export function productionBaseUrl(value: string | undefined): string {
  const url = (value ?? DEV_URL).replace(/\/+$/, '');
  if (!/^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(url)) throw new Error(`ADDIN_BASE_URL must be an https URL, not ${JSON.stringify(value)}`);
  return url;
}

function manifestForBuild(): Plugin {
  let outDir = '';
  return {
    name: 'att-manifest',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const base = productionBaseUrl(process.env.ADDIN_BASE_URL);
      const xml = readFileSync(new URL('../manifest.xml', import.meta.url), 'utf8').split(DEV_URL).join(base);
      writeFileSync(join(outDir, 'manifest.xml'), xml);
    },
  };
}

const DEV_CERTS = join(homedir(), '.office-addin-dev-certs');
const trusted = existsSync(join(DEV_CERTS, 'localhost.crt')) && existsSync(join(DEV_CERTS, 'localhost.key'))
  ? { cert: readFileSync(join(DEV_CERTS, 'localhost.crt')), key: readFileSync(join(DEV_CERTS, 'localhost.key')) }
  : undefined;

export default defineConfig({
  root,
  base: './',
  // The certificate is only for the dev server; builds (and the tests that run them) need none.
  plugins: [...(trusted ? [] : [{ ...basicSsl({ name: 'att-meetings-dev' }), apply: 'serve' as const }]), manifestForBuild()],
  server: { port: 3000, strictPort: true, host: 'localhost', ...(trusted ? { https: trusted } : {}) },
  preview: { port: 3000, strictPort: true, host: 'localhost', ...(trusted ? { https: trusted } : {}) },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The polyfill fetch()es module preloads; the Office webviews support modulepreload natively,
    // and without it the bundle makes no network call of its own (a test checks).
    modulePreload: { polyfill: false },
    rollupOptions: { input: { taskpane: fileURLToPath(new URL('./taskpane.html', import.meta.url)) } },
  },
});
