// The benchmark's arithmetic and verdicts on made-up measurements (its real figures are printed by
// npm run bench, never asserted).
import { describe, expect, it } from 'vitest';
import { median, type Measured, type ScaleResult, table, targetLines } from '../../bench/run.js';

const m = (seconds: number, peakMb: number, cpuSeconds = seconds): Measured => ({ seconds, cpuSeconds, peakMb, runs: [] });

function result(scale: number, report: Measured, floor: Measured): ScaleResult {
  return { scale, file: `x${scale}.xlsx`, fileMb: scale / 10, participants: 600 * scale, attendanceRows: 2400 * scale, report, validate: m(1, 100), floorStream: floor, floorInflate: m(0.1, 50), floorSaxes: m(0.2, 60) };
}

describe('median', () => {
  it('takes the middle run, or the mean of the two middle runs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
});

describe('targets', () => {
  it('says which of the issue\'s four targets are met', () => {
    const lines = targetLines([result(1, m(1.2, 200), m(0.5, 90)), result(10, m(2, 250), m(1, 100)), result(100, m(30, 450, 20), m(10, 140, 10))]);
    expect(lines).toEqual([
      // 30 / 10 = 3.00 wall, 20 / 10 = 2.00 CPU: over 1.5.
      'report within 1.5x of floor (a) at 100x: 3.00x wall, 2.00x CPU (MISSED)',
      'report peak RSS under 400 MB at 100x: 450 MB (MISSED)',
      // 30 / 2 = 15 > 12.
      '100x run within 12x of the 10x run: 15.0x (MISSED)',
      'report on the sample under 1.5 s, process start included: 1.20 s (met)',
    ]);
  });

  it('judges only the scales that were run', () => {
    expect(targetLines([result(10, m(2, 250), m(1, 100))])).toEqual([]);
  });
});

describe('table', () => {
  it('prints one Markdown row per scale with counts, cells and ratios', () => {
    const lines = table([result(100, m(6, 430, 7), m(3, 140, 2.8))]).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('| 100x | 60,000 | 240,000 | 10.0 | 6.00 s (7.00), 430 MB | 1.00 s (1.00), 100 MB | 3.00 s (2.80), 140 MB | 0.10 s (0.10), 50 MB | 0.20 s (0.20), 60 MB | 2.00 (2.50) | 0.33 (0.36) |');
  });

  it('marks a failed measurement instead of printing its figures', () => {
    const failed: Measured = { ...m(1, 1), failed: 'exit code 2: refused' };
    expect(table([result(1, failed, m(1, 1))]).split('\n')[2]).toContain('| failed |');
  });
});
