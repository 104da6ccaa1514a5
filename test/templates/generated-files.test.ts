// The committed template and sample are exactly what the generator writes: never hand-edited.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTemplates, SAMPLE_FILE, TEMPLATE_FILE } from '../../templates/generate/cli.js';
import { sheetValues } from './sheet-values.js';

const committed = join(import.meta.dirname, '..', '..', 'templates');
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'att-templates-'));
  await generateTemplates(dir);
  // Writing both workbooks takes about a second alone; allow for a loaded machine running every suite at once.
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

describe.each([TEMPLATE_FILE, SAMPLE_FILE])('%s', (file) => {
  it('holds the same cells, sheet by sheet, as a fresh regeneration (run npm run generate after changing the generator)', async () => {
    const fresh = await sheetValues(join(dir, file));
    const old = await sheetValues(join(committed, file));
    expect(Object.keys(fresh)).toEqual(Object.keys(old));
    for (const sheet of Object.keys(fresh)) expect(fresh[sheet], sheet).toEqual(old[sheet]);
  });

  it('is byte for byte what the generator writes', async () => {
    expect(await sha256(join(dir, file))).toBe(await sha256(join(committed, file)));
  });
});
