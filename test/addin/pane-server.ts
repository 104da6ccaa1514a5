// Builds the task pane and serves addin/dist over plain HTTP for the browser tests; the pane's
// office.js request is answered by the test with the fake host.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'addin/dist');
// Where Chromium is comes from test/support/chromium.ts; re-exported for older imports.
export { CHROMIUM } from '../support/chromium.js';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.xml': 'application/xml' };

/** Builds the pane into `outDir` (addin/dist by default; a test file running beside others uses its own). */
export async function buildPane(outDir = DIST): Promise<void> {
  await build({ configFile: join(ROOT, 'addin/vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
}

/** Serves `dir` (addin/dist by default) on a free port of 127.0.0.1. */
export function serveDist(dir = DIST): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
  }));
}
