// The seeded meeting generator: the same seed gives the same meeting, scales grow linearly, and
// large meetings stream to a workbook that the pipeline reads with only the planted warnings.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMeetingFile } from '../../pipeline/read-workbook.js';
import { looksLikeFormula } from '../../templates/contract/cells.js';
import { generateMeeting, PLANTED, randomSource } from '../../templates/generate/meeting.js';
import { streamMeetingWorkbook } from '../../templates/generate/workbook.js';
import { fixZipTimestamps } from '../../templates/generate/zip-timestamps.js';

describe('generateMeeting', () => {
  it('gives the same rows for the same seed and different rows for another', () => {
    expect(generateMeeting({ seed: 7, scale: 1 })).toEqual(generateMeeting({ seed: 7, scale: 1 }));
    expect(generateMeeting({ seed: 8, scale: 1 }).participants).not.toEqual(generateMeeting({ seed: 7, scale: 1 }).participants);
  });

  it('draws numbers in [0, 1) spread evenly, the same for the same seed', () => {
    const a = randomSource(42);
    const b = randomSource(42);
    const draws = Array.from({ length: 10_000 }, () => a());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    // Ten equal bins of 1,000 expected draws each; a fair generator stays well within 15%.
    const bins = Array.from({ length: 10 }, (_, i) => draws.filter((x) => Math.floor(x * 10) === i).length);
    for (const n of bins) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });

  it('multiplies delegations and people by the scale, with about three attendance rows each', () => {
    const one = generateMeeting({ seed: 12, scale: 1 });
    const ten = generateMeeting({ seed: 12, scale: 10 });
    expect(ten.delegations.length).toBe(one.delegations.length * 10);
    expect(ten.participants.length).toBeGreaterThan(5400);
    expect(ten.participants.length).toBeLessThan(6600);
    expect(ten.attendance.length / ten.participants.length).toBeGreaterThan(2.8);
    expect(new Set(ten.participants.map((p) => p.participantId)).size).toBe(ten.participants.length);
    expect(new Set(ten.delegations.map((d) => d.delegationId)).size).toBe(ten.delegations.length);
  });

  it('plants one duplicate only: no other shared e-mail, no other same name within a delegation, no formula-like text', () => {
    const { participants, delegations, submissions } = generateMeeting({ seed: 12, scale: 10 });
    const emails = new Map<string, number>();
    const names = new Map<string, number>();
    for (const p of participants) {
      emails.set(String(p.email), (emails.get(String(p.email)) ?? 0) + 1);
      const name = `${p.delegationId}|${p.givenName}|${p.familyName}`;
      names.set(name, (names.get(name) ?? 0) + 1);
    }
    expect([...emails.values()].filter((n) => n > 1)).toEqual([2]);
    expect([...names.entries()].filter(([, n]) => n > 1).map(([k]) => k.split('|')[0])).toEqual([PLANTED.duplicatePerson.delegationId]);
    const texts = [...participants, ...delegations, ...submissions].flatMap((r) => Object.values(r).filter((v): v is string => typeof v === 'string'));
    expect(texts.filter(looksLikeFormula)).toEqual([]);
  });

  it('refuses a scale that is not a whole number of at least 1', () => {
    expect(() => generateMeeting({ seed: 1, scale: 0 })).toThrow(/scale/);
    expect(() => generateMeeting({ seed: 1, scale: 1.5 })).toThrow(/scale/);
  });
});

describe('streamMeetingWorkbook', () => {
  it('streams a scale-3 meeting that the pipeline reads whole, with only the four planted warnings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'att-stream-'));
    try {
      const meeting = generateMeeting({ seed: 12, scale: 3 });
      const path = join(dir, 'big.xlsx');
      await streamMeetingWorkbook(path, meeting);
      const validation = await readMeetingFile(path);
      expect(validation.issues.map((i) => i.code)).toEqual(['late-registration', 'duplicate-person', 'delegation-several-heads', 'late-submission']);
      expect(validation.data?.participants.length).toBe(meeting.participants.length);
      expect(validation.data?.attendance.length).toBe(meeting.attendance.length);
      expect(validation.data?.sessions.map((s) => [s.sessionId, s.date, s.start, s.end])).toEqual([
        ['S1', '2026-05-27', '10:00', '13:00'],
        ['S2', '2026-05-27', '15:00', '18:00'],
        ['S3', '2026-05-28', '10:00', '13:00'],
        ['S4', '2026-05-28', '15:00', '18:00'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('fixZipTimestamps', () => {
  it('refuses bytes that are not a zip', () => {
    expect(() => fixZipTimestamps(Buffer.from('not a zip at all, just some text of some length'), new Date(0))).toThrow(/not a zip/);
  });
});
