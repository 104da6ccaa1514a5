// The live-refresh scheduler under fake timers: bursts coalesce into one re-read, a steady stream
// still re-reads every few seconds, and no re-read overlaps an action of the pane.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveRefresh, type Timers } from './live-refresh.js';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('LiveRefresh', () => {
  let times: number[];
  let live: LiveRefresh;

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    times = [];
    live = new LiveRefresh({ quietMs: 500, maxWaitMs: 3000, refresh: async () => { times.push(Date.now()); } });
  });
  afterEach(() => {
    live.dispose();
    vi.useRealTimers();
  });

  it('re-reads nothing while nothing changes', async () => {
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times).toEqual([]);
    expect(live.state).toBe('idle');
  });

  it('re-reads once, 500 ms after the last change of a burst', async () => {
    for (let i = 0; i < 5; i++) {
      live.changed();
      await vi.advanceTimersByTimeAsync(100);
    }
    // Changes at 0, 100, 200, 300 and 400 ms: quiet from 400, so one re-read at 900.
    expect(live.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(399);
    expect(times).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toEqual([900]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(times).toEqual([900]);
    expect(live.state).toBe('idle');
  });

  it('still re-reads every 3 s while changes keep coming every 300 ms', async () => {
    for (let t = 0; t < 6000; t += 300) {
      live.changed();
      await vi.advanceTimersByTimeAsync(300);
    }
    // Bursts from 0 and from 3000 (the change made as the first re-read starts) hit the 3 s cap.
    expect(times).toEqual([3000, 6000]);
  });

  it('holds a change made during an action until 500 ms after the action ends', async () => {
    const action = deferred();
    const done = live.runAction(() => action.promise);
    live.changed();
    await vi.advanceTimersByTimeAsync(1000);
    expect(times).toEqual([]);
    action.resolve();
    await done;
    await vi.advanceTimersByTimeAsync(499);
    expect(times).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toEqual([1500]);
  });

  it('starts an action only once a re-read in progress has finished', async () => {
    const log: string[] = [];
    const reading = deferred();
    live = new LiveRefresh({ refresh: async () => { log.push('read starts'); await reading.promise; log.push('read ends'); } });
    live.changed();
    await vi.advanceTimersByTimeAsync(500);
    expect(live.state).toBe('refreshing');
    const action = live.runAction(async () => { log.push('action'); return 42; });
    await vi.advanceTimersByTimeAsync(2000);
    expect(log).toEqual(['read starts']);
    reading.resolve();
    expect(await action).toBe(42);
    expect(log).toEqual(['read starts', 'read ends', 'action']);
  });

  it('re-reads again after a re-read during which the workbook changed', async () => {
    const reads: ReturnType<typeof deferred>[] = [];
    live = new LiveRefresh({ quietMs: 500, maxWaitMs: 3000, refresh: () => { times.push(Date.now()); const d = deferred(); reads.push(d); return d.promise; } });
    live.changed();
    await vi.advanceTimersByTimeAsync(600);
    live.changed();
    // The timer comes due at 1100 while the first re-read still runs; it ends at 1200.
    await vi.advanceTimersByTimeAsync(600);
    expect(times).toEqual([500]);
    reads[0]!.resolve();
    // The change at 600 has waited 600 ms: it is re-read after another quiet 500 ms, at 1700.
    await vi.advanceTimersByTimeAsync(499);
    expect(times).toEqual([500]);
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toEqual([500, 1700]);
    reads[1]!.resolve();
  });

  it('passes a failed re-read to onError, and the next change re-reads again', async () => {
    const errors: unknown[] = [];
    let fail = true;
    live = new LiveRefresh({ onError: (e) => errors.push(e), refresh: async () => { times.push(Date.now()); if (fail) throw new Error('The workbook is busy.'); } });
    live.changed();
    await vi.advanceTimersByTimeAsync(500);
    expect(errors).toEqual([new Error('The workbook is busy.')]);
    fail = false;
    live.changed();
    await vi.advanceTimersByTimeAsync(500);
    expect(times).toEqual([500, 1000]);
    expect(errors).toHaveLength(1);
  });

  it('runs an action that throws and lets the error through, re-reading after it', async () => {
    const action = live.runAction(async () => { live.changed(); throw new Error('Sheet protected.'); });
    await expect(action).rejects.toThrow('Sheet protected.');
    await vi.advanceTimersByTimeAsync(500);
    expect(times).toEqual([500]);
  });

  it('reports its state as it goes: pending while a burst lasts, refreshing, then idle', async () => {
    const states: string[] = [];
    const reading = deferred();
    live = new LiveRefresh({ onStateChange: (s) => states.push(s), refresh: () => reading.promise });
    live.changed();
    live.changed();
    await vi.advanceTimersByTimeAsync(500);
    expect(live.state).toBe('refreshing');
    reading.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['pending', 'pending', 'refreshing', 'idle']);
  });

  it('re-reads nothing after an action during which nothing changed', async () => {
    await live.runAction(async () => 'done');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times).toEqual([]);
    expect(live.state).toBe('idle');
  });

  it('holds a change made during two overlapping actions until 500 ms after the last one ends', async () => {
    const second = deferred();
    const first = live.runAction(async () => { live.changed(); });
    const other = live.runAction(() => second.promise);
    await first;
    await vi.advanceTimersByTimeAsync(2000);
    expect(times).toEqual([]);
    second.resolve();
    await other;
    await vi.advanceTimersByTimeAsync(499);
    expect(times).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toEqual([2500]);
  });

  it('re-reads nothing once disposed, though a change was waiting', async () => {
    live.changed();
    live.dispose();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times).toEqual([]);
  });

  it('survives a failed re-read with no onError given, and re-reads on the next change', async () => {
    let fail = true;
    live = new LiveRefresh({ refresh: async () => { times.push(Date.now()); if (fail) throw new Error('The workbook is busy.'); } });
    live.changed();
    await vi.advanceTimersByTimeAsync(500);
    fail = false;
    live.changed();
    await vi.advanceTimersByTimeAsync(500);
    expect(times).toEqual([500, 1000]);
    expect(live.state).toBe('idle');
  });
});

describe('LiveRefresh with timers of its own', () => {
  // The pane may give its own Timers; the scheduler asks them only for the one timer it needs.
  let calls: string[];
  let times: number[];
  let live: LiveRefresh;
  const timers: Timers = {
    set: (callback, ms) => { calls.push(`set ${ms}`); return setTimeout(callback, ms); },
    clear: (handle) => { calls.push('clear'); clearTimeout(handle as ReturnType<typeof setTimeout>); },
  };

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    calls = [];
    times = [];
    live = new LiveRefresh({ quietMs: 500, maxWaitMs: 3000, timers, refresh: async () => { times.push(Date.now()); } });
  });
  afterEach(() => {
    live.dispose();
    vi.useRealTimers();
  });

  it('sets one timer per change, clearing only the one still pending, and none once the burst is re-read', async () => {
    live.dispose();
    expect(calls).toEqual([]);
    live.changed();
    expect(calls).toEqual(['set 500']);
    await vi.advanceTimersByTimeAsync(100);
    live.changed();
    expect(calls).toEqual(['set 500', 'clear', 'set 500']);
    await vi.advanceTimersByTimeAsync(500);
    expect(times).toEqual([600]);
    await live.runAction(async () => 'nothing changed');
    await vi.advanceTimersByTimeAsync(5000);
    live.dispose();
    expect(calls).toEqual(['set 500', 'clear', 'set 500']);
    expect(times).toEqual([600]);
  });

  it('disposing clears the timer of a change still waiting', async () => {
    live.changed();
    live.dispose();
    expect(calls).toEqual(['set 500', 'clear']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(times).toEqual([]);
  });

  it('of two overlapping actions, only the last to end sets the timer for a change made during them', async () => {
    const first = deferred();
    const second = deferred();
    const a = live.runAction(() => first.promise);
    const b = live.runAction(() => second.promise);
    live.changed();
    // The change's own timer comes due at 500 and finds the actions running: nothing is re-read.
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toEqual(['set 500']);
    first.resolve();
    await a;
    expect(calls).toEqual(['set 500']);
    await vi.advanceTimersByTimeAsync(500);
    second.resolve();
    await b;
    expect(calls).toEqual(['set 500', 'set 500']);
    await vi.advanceTimersByTimeAsync(500);
    expect(times).toEqual([1500]);
    expect(calls).toEqual(['set 500', 'set 500']);
  });

  it('a change during a re-read is re-read a full quiet time after the re-read ends, its pending timer cleared and set again', async () => {
    const reading = deferred();
    live = new LiveRefresh({ quietMs: 500, maxWaitMs: 3000, timers, refresh: () => { times.push(Date.now()); return reading.promise; } });
    live.changed();
    await vi.advanceTimersByTimeAsync(500);
    expect(times).toEqual([500]);
    await vi.advanceTimersByTimeAsync(100);
    live.changed();
    await vi.advanceTimersByTimeAsync(100);
    reading.resolve();
    await vi.advanceTimersByTimeAsync(0);
    // The second change's timer (due at 1100) is still pending at 700: cleared and set again.
    expect(calls).toEqual(['set 500', 'set 500', 'clear', 'set 500']);
    await vi.advanceTimersByTimeAsync(500);
    expect(times).toEqual([500, 1200]);
  });
});
