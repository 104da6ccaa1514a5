// Writes an output folder whole or not at all: everything goes into a temporary folder beside
// the target, which is then swapped in, so a failure leaves the previous output as it was.
import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExpectedError } from './errors.js';

/** Marks a folder as ours, so that a second run may replace it and no other folder is ever removed. */
export const MARKER = '.att-meetings-output';

function real(p: string): string {
  // The nearest existing ancestor, resolved, with the rest appended: paths that do not exist yet
  // still compare correctly through symbolic links.
  const abs = path.resolve(p);
  if (existsSync(abs)) return realpathSync(abs);
  return path.join(real(path.dirname(abs)), path.basename(abs));
}

/** Refuses an output folder that is, or contains, one of the input files. */
export function checkOutsideInputs(outDir: string, inputs: readonly string[]): void {
  const out = real(outDir);
  for (const input of inputs) {
    const file = real(input);
    if (file === out || file.startsWith(out + path.sep)) {
      throw new ExpectedError(`The output folder ${outDir} contains the input file ${input}: choose another folder with --out, so that the input is never touched.`);
    }
  }
}

/** The nearest existing folder or file on the way up from `p` (absolute). */
function nearestExisting(p: string): string {
  const up = path.dirname(p);
  return existsSync(p) || up === p ? p : nearestExisting(up);
}

/**
 * Refuses, before any work is done, a target that is a file or a folder we did not write, or that
 * cannot be created because a file stands where one of its folders would be.
 */
export async function checkReplaceable(outDir: string, keep: readonly string[] = []): Promise<string[] | null> {
  const target = path.resolve(outDir);
  if (!existsSync(target)) {
    const base = nearestExisting(target);
    if (!(await stat(base)).isDirectory()) throw new ExpectedError(`${outDir} cannot be created, as ${base} is a file: choose another folder with --out.`);
    return null;
  }
  if (!(await stat(target)).isDirectory()) throw new ExpectedError(`${outDir} exists and is not a folder: choose another folder with --out.`);
  const entries = await readdir(target);
  const ours = entries.includes(MARKER) || entries.every((e) => keep.includes(e));
  if (!ours) throw new ExpectedError(`${outDir} holds files that att-meetings did not write: choose an empty or new folder with --out.`);
  return entries;
}

/** Why the file system refused a write, in plain words, for the errors a person can cause or fix. */
const REFUSALS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'a name on its path is too long',
  ENOENT: 'a folder on its path cannot be made',
  ENOTDIR: 'a file stands where a folder should be',
  EEXIST: 'a file stands where a folder should be',
};

/**
 * Replaces `outDir` with exactly `files` (relative path -> bytes). Entries of an existing `outDir`
 * named in `keep` (such as another command's subfolder) are carried over; anything else there is
 * replaced. A non-empty folder that we did not write is refused rather than removed. A write the
 * file system refuses (permissions, a read-only or full disk, a name too long) is an ExpectedError
 * (exit 2, one sentence), the previous output left as it was.
 */
export async function writeFolderWhole(outDir: string, files: ReadonlyMap<string, Buffer | string>, keep: readonly string[] = []): Promise<void> {
  try {
    await replaceFolder(outDir, files, keep);
  } catch (e) {
    const why = REFUSALS[(e as NodeJS.ErrnoException).code ?? ''];
    if (why === undefined) throw e;
    throw new ExpectedError(`${outDir} cannot be written (${why}): choose another folder with --out.`);
  }
}

async function replaceFolder(outDir: string, files: ReadonlyMap<string, Buffer | string>, keep: readonly string[]): Promise<void> {
  // Through symbolic links: a link given as --out keeps pointing at the folder, which is replaced.
  const target = real(outDir);
  const previous = await checkReplaceable(outDir, keep);
  await mkdir(path.dirname(target), { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = `${target}.tmp-${suffix}`;
  const old = `${target}.old-${suffix}`;
  try {
    await mkdir(temp);
    await writeFile(path.join(temp, MARKER), 'Written by att-meetings; replaced whole on the next run.\n');
    for (const [rel, bytes] of files) {
      const dest = path.join(temp, rel);
      await mkdir(path.dirname(dest), { recursive: true });
      await writeFile(dest, bytes);
    }
    if (previous !== null) {
      await rename(target, old);
      try {
        await rename(temp, target);
      } catch (e) {
        await rename(old, target);
        throw e;
      }
      for (const entry of previous) if (keep.includes(entry)) await rename(path.join(old, entry), path.join(target, entry));
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(temp, target);
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
