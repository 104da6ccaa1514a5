// Keeps the pane current with the workbook: turns bursts of table-change events into one re-read
// after a quiet period, and never re-reads while an action of the pane runs (it re-reads after it).
// Pure scheduling: the timers and the clock are injected, so tests drive them with fake timers.

/** The timer functions the scheduler uses (the global setTimeout and clearTimeout by default). */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface LiveRefreshOptions {
  /** Re-reads the workbook and redraws the pane. Called at most once at a time. */
  readonly refresh: () => Promise<void>;
  /** Milliseconds without a new change before the re-read starts (500 by default). */
  readonly quietMs?: number;
  /**
   * Milliseconds after the first change of a burst by which the re-read starts even if changes
   * keep coming (3,000 by default), so a colleague typing steadily does not freeze the pane.
   */
  readonly maxWaitMs?: number;
  /** Receives a failed re-read's error (the next change tries again). */
  readonly onError?: (error: unknown) => void;
  readonly timers?: Timers;
  /** Milliseconds since some fixed point (Date.now by default). */
  readonly now?: () => number;
  /** Told each time the state (below) may have changed, such as to show it on the page. */
  readonly onStateChange?: (state: LiveState) => void;
}

/** What the scheduler is doing: nothing, waiting out a burst (or an action), or re-reading. */
export type LiveState = 'idle' | 'pending' | 'refreshing';

const globalTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Debounces workbook changes into re-reads, serialised with the pane's own actions.
 *
 * - `changed()` for each change event (Excel's TableCollection.onChanged, ExcelApi 1.7:
 *   https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-onchanged-member);
 *   the re-read starts `quietMs` after the last change of a burst, or `maxWaitMs` after its first.
 * - `runAction(action)` around every action of the pane: it waits for a re-read in progress to
 *   finish, and no re-read starts until the action ends; a change seen meanwhile is re-read
 *   `quietMs` after the action, so the events that the action's own writes raise fall into the same
 *   one re-read. (Excel's TableChangedEventArgs does not say which add-in made a change, so the
 *   pane cannot tell its own writes from a colleague's and re-reads after both.)
 */
export class LiveRefresh {
  private readonly quietMs: number;
  private readonly maxWaitMs: number;
  private readonly timers: Timers;
  private readonly now: () => number;
  private timer: unknown = null;
  /** When the first change not yet re-read arrived, or null when there is none. */
  private burstStart: number | null = null;
  private actions = 0;
  private running: Promise<void> | null = null;

  constructor(private readonly options: LiveRefreshOptions) {
    this.quietMs = options.quietMs ?? 500;
    this.maxWaitMs = options.maxWaitMs ?? 3000;
    this.timers = options.timers ?? globalTimers;
    this.now = options.now ?? Date.now;
  }

  get state(): LiveState {
    if (this.running) return 'refreshing';
    return this.burstStart === null ? 'idle' : 'pending';
  }

  /** A table of the workbook changed: re-read once the burst is over. */
  changed(): void {
    if (this.burstStart === null) this.burstStart = this.now();
    this.arm();
    this.emit();
  }

  /**
   * Runs one action of the pane with no re-read during it: waits for a re-read in progress, then
   * holds re-reads until the action settles. Returns (or throws) what the action does.
   */
  async runAction<T>(action: () => Promise<T>): Promise<T> {
    while (this.running) await this.running;
    // Nothing can start a re-read between here and the increment: only a timer callback does.
    this.actions++;
    try {
      return await action();
    } finally {
      this.actions--;
      if (this.actions === 0 && this.burstStart !== null) {
        // Changes seen during the action (its own writes among them) start a burst now.
        this.burstStart = this.now();
        this.arm();
      }
      this.emit();
    }
  }

  /** Stops the timer (the pane is closing, or a test ends). */
  dispose(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private arm(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    const waited = this.now() - (this.burstStart ?? this.now());
    const delay = Math.max(0, Math.min(this.quietMs, this.maxWaitMs - waited));
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.fire();
    }, delay);
  }

  private fire(): void {
    // An action or a re-read is under way: runAction or the re-read's end arms the timer again.
    // (A change is always pending here: the timer is set only then, and dispose clears it.)
    if (this.actions > 0 || this.running) return;
    this.burstStart = null;
    this.running = this.options.refresh().then(
      () => undefined,
      (error: unknown) => this.options.onError?.(error),
    ).finally(() => {
      this.running = null;
      // Changes that came in during the re-read are re-read after it, once they are quiet. (No
      // action runs here: runAction waits for the re-read, which ends with this callback.)
      if (this.burstStart !== null) this.arm();
      this.emit();
    });
    this.emit();
  }

  private emit(): void {
    this.options.onStateChange?.(this.state);
  }
}
