// Builds and serves the task pane: `npm start` serves it over HTTPS on port 3000, with the committed
// manifest.xml at /manifest.xml (where the sideload link makes Excel on the web fetch it), and says
// which certificate it uses; `npm run build:addin` writes addin/dist with a manifest whose URLs
// point at ADDIN_BASE_URL (the production host), the committed manifest.xml staying on localhost.
// The dev certificate is the one `npx office-addin-dev-certs install` trusts on Windows and macOS
// when present (desktop Excel refuses an untrusted one), else a self-signed one made at start
// (enough for Excel on the web once the browser has accepted it, and for Linux).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import basicSsl from '@vitejs/plugin-basic-ssl';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const DEV_URL = 'https://localhost:3000';
/** The one committed manifest: served as it is by the dev server, rewritten for builds. */
const MANIFEST = fileURLToPath(new URL('../manifest.xml', import.meta.url));

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
      const xml = readFileSync(MANIFEST, 'utf8').split(DEV_URL).join(base);
      writeFileSync(join(outDir, 'manifest.xml'), xml);
    },
  };
}

const DEV_CERTS = join(homedir(), '.office-addin-dev-certs');
const trusted = existsSync(join(DEV_CERTS, 'localhost.crt')) && existsSync(join(DEV_CERTS, 'localhost.key'))
  ? { cert: readFileSync(join(DEV_CERTS, 'localhost.crt')), key: readFileSync(join(DEV_CERTS, 'localhost.key')) }
  : undefined;

/** Which certificate `npm start` uses: office-addin-dev-certs' trusted one, or a self-signed one. */
export const DEV_CERTIFICATE: 'trusted' | 'self-signed' = trusted ? 'trusted' : 'self-signed';

/** What `npm start` prints once it listens at `origin` (such as https://localhost:3000). */
export function certificateNote(certificate: 'trusted' | 'self-signed', origin: string): string {
  const where = `Task pane: ${origin}/taskpane.html\nManifest:  ${origin}/manifest.xml (npm run sideload points Excel here; keep this server running)\n`;
  return certificate === 'trusted'
    ? `${where}Certificate: the development certificate in ${join(DEV_CERTS, 'localhost.crt')}, made and trusted by \`npx office-addin-dev-certs install\`. Desktop Excel and Excel on the web accept it.`
    : `${where}Certificate: a self-signed one made for this server (there is none in ${DEV_CERTS}); nothing trusts it yet.\n`
      + `  Excel on the web: once, open ${origin}/taskpane.html in the browser you use for Excel, and accept the warning (in Edge or Chrome: Advanced, then Continue or Proceed to localhost).\n`
      + '  Desktop Excel (Windows, macOS) refuses it: run `npx office-addin-dev-certs install` once, then `npm start` again.';
}

/** Serves the committed manifest.xml at /manifest.xml, and says which certificate the server uses. */
function manifestForDevServer(): Plugin {
  return {
    name: 'att-manifest-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (new URL(req.url ?? '/', 'https://x').pathname !== '/manifest.xml' || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
        // Read at each request, so an edit to manifest.xml is served without a restart.
        res.setHeader('Content-Type', 'application/xml; charset=utf-8');
        res.end(req.method === 'HEAD' ? undefined : readFileSync(MANIFEST));
      });
      server.httpServer?.once('listening', () => {
        const address = server.httpServer?.address();
        const port = typeof address === 'object' && address ? address.port : server.config.server.port;
        server.config.logger.info(certificateNote(DEV_CERTIFICATE, `https://localhost:${port}`));
      });
    },
  };
}

export default defineConfig({
  root,
  base: './',
  // The certificate is only for the dev server; builds (and the tests that run them) need none.
  plugins: [...(trusted ? [] : [{ ...basicSsl({ name: 'att-meetings-dev' }), apply: 'serve' as const }]), manifestForDevServer(), manifestForBuild()],
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
