// How every att-meetings command talks to the person who runs it: one IO interface for validate,
// report and trend (standard output, standard error, terminal or not, today's date), injectable so
// that tests read what a command prints instead of the console.

export interface CommandIo {
  /** Writes one line of the command's result to standard output. */
  readonly out: (text: string) => void;
  /** Writes one line of messages (mistakes, refusals, progress without `progress`) to standard error. */
  readonly err: (text: string) => void;
  /** True when a person watches a terminal: report and trend show progress; validate colours its lines unless `color` says otherwise. */
  readonly tty: boolean;
  /** Whether validate colours its output; `tty` when absent. False under NO_COLOR (https://no-color.org). */
  readonly color?: boolean;
  /** Today as YYYY-MM-DD, for the brief's "generated on" line; the system clock (UTC) when absent. */
  readonly today?: () => string;
  /** Replaces the progress line on a terminal; '' clears it. Without it, progress lines go to `err`. */
  readonly progress?: (text: string) => void;
}

/** The real console: results to stdout, the rest to stderr; progress and colour only on a terminal. */
export const processIo: CommandIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  tty: process.stderr.isTTY === true,
  color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
  today: () => new Date().toISOString().slice(0, 10),
  progress: (t) => process.stderr.write(`\r${t}\x1b[K`),
};

/** Shows a progress line, only on a terminal (`io.tty`); '' clears it. */
export function showProgress(io: CommandIo, text: string): void {
  if (io.tty) (io.progress ?? io.err)(text);
}

/** Today's date as YYYY-MM-DD, from `io.today` or else the system clock in UTC. */
export function todayOf(io: CommandIo): string {
  return io.today ? io.today() : new Date().toISOString().slice(0, 10);
}
