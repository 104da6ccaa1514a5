// The one kind of failure a user can cause outside a workbook's cells (a missing file, a file that
// is not a workbook, one too large to read safely): a sentence and an exit code, never a stack.

export class ExpectedError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'ExpectedError';
    this.exitCode = exitCode;
  }
}

/** Runs a command's body: a user's mistake prints its one sentence and becomes the exit code; a bug is rethrown. */
export async function reportingMistakes(err: (text: string) => void, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof ExpectedError) {
      err(e.message);
      return e.exitCode;
    }
    throw e;
  }
}
