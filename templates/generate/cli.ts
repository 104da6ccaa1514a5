// Generates the blank template and the sample CSP12 meeting (npm run generate), or a larger
// synthetic meeting for benchmarks: node dist/templates/generate/cli.js --scale 100 --out big.xlsx
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMeeting } from './meeting.js';
import { streamMeetingWorkbook, writeMeetingWorkbook } from './workbook.js';

/** The seed of the committed sample: the CSP number, so nobody wonders where it came from. */
export const SAMPLE_SEED = 12;
export const TEMPLATE_FILE = 'att-meeting-template.xlsx';
export const SAMPLE_FILE = 'sample-csp12-prep.xlsx';

/** Writes the template and the sample into a folder (the repository's templates/ by default). */
export async function generateTemplates(folder: string): Promise<{ template: string; sample: string }> {
  await mkdir(folder, { recursive: true });
  const template = join(folder, TEMPLATE_FILE);
  const sample = join(folder, SAMPLE_FILE);
  await writeMeetingWorkbook(template, null);
  await writeMeetingWorkbook(sample, generateMeeting({ seed: SAMPLE_SEED, scale: 1 }));
  return { template, sample };
}

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

export async function main(argv: readonly string[]): Promise<number> {
  const scaleText = option(argv, '--scale');
  if (scaleText === undefined) {
    // dist/templates/generate/cli.js -> the repository's templates/ folder.
    const here = dirname(fileURLToPath(import.meta.url));
    const folder = option(argv, '--dir') ?? join(here, '..', '..', '..', 'templates');
    const { template, sample } = await generateTemplates(folder);
    process.stdout.write(`wrote ${template}\nwrote ${sample}\n`);
    return 0;
  }
  const scale = Number(scaleText);
  const seed = Number(option(argv, '--seed') ?? SAMPLE_SEED);
  const out = option(argv, '--out');
  if (!Number.isInteger(scale) || scale < 1 || !Number.isInteger(seed) || !out) {
    process.stderr.write('usage: cli.js [--dir FOLDER] | --scale N [--seed S] --out FILE.xlsx\n');
    return 1;
  }
  const meeting = generateMeeting({ seed, scale });
  if (scale === 1) await writeMeetingWorkbook(out, meeting);
  else await streamMeetingWorkbook(out, meeting);
  process.stdout.write(`wrote ${out}: ${meeting.participants.length} participants, ${meeting.attendance.length} attendance rows\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
