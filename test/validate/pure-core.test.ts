// The validator's core runs in the task pane as well as in Node: its modules import nothing but
// each other, the contract and zod (no Node built-ins, no exceljs, no DOM).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CORE = ['pipeline/core/read-meeting.ts', 'pipeline/core/read-headers.ts', 'pipeline/core/read-rows.ts', 'pipeline/core/read-cells.ts', 'pipeline/core/read-meeting-fields.ts', 'pipeline/core/rules.ts', 'pipeline/core/validate.ts', 'pipeline/core/issues.ts', 'pipeline/core/raw.ts', 'templates/contract/countries.ts'];

describe('the validator core is pure', () => {
  it.each(CORE)('%s imports only relative modules and zod', (file) => {
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(specifiers.filter((s) => !s!.startsWith('.') && s !== 'zod')).toEqual([]);
    expect(source).not.toMatch(/\b(?:process|require|Buffer|document|window)\s*[.(]/);
  });
});
