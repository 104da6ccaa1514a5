import { describe, expect, it } from 'vitest';
import { defaultSession, localDateTime } from './sessions.js';

const sessions = [
  { sessionId: 'S2', date: '2026-05-27', start: '15:00', end: '18:00' },
  { sessionId: 'S1', date: '2026-05-27', start: '10:00', end: '13:00' },
  { sessionId: 'S3', date: '2026-05-28', start: '10:00', end: '13:00' },
];

describe('localDateTime', () => {
  it('gives the wall clock of the meeting\'s time zone, summer time included', () => {
    // 08:30 UTC on 27 May is 10:30 in Geneva (UTC+2 in summer).
    expect(localDateTime(new Date(Date.UTC(2026, 4, 27, 8, 30)), 'Europe/Zurich')).toBe('2026-05-27T10:30');
    expect(localDateTime(new Date(Date.UTC(2026, 0, 15, 23, 30)), 'Europe/Zurich')).toBe('2026-01-16T00:30');
  });
});

describe('defaultSession', () => {
  const at = (utc: string) => new Date(utc);
  it('is the session under way in Geneva, not in UTC', () => {
    // 11:30 UTC is 13:30 in Geneva: the morning session has ended; the afternoon one is next.
    expect(defaultSession(sessions, at('2026-05-27T11:30:00Z'), 'Europe/Zurich')?.sessionId).toBe('S2');
    expect(defaultSession(sessions, at('2026-05-27T08:05:00Z'), 'Europe/Zurich')?.sessionId).toBe('S1');
    expect(defaultSession(sessions, at('2026-05-27T13:00:00Z'), 'Europe/Zurich')?.sessionId).toBe('S2');
  });

  it('falls back to today\'s last session after hours, then to the meeting\'s first', () => {
    expect(defaultSession(sessions, at('2026-05-27T19:00:00Z'), 'Europe/Zurich')?.sessionId).toBe('S2');
    expect(defaultSession(sessions, at('2026-06-30T08:00:00Z'), 'Europe/Zurich')?.sessionId).toBe('S1');
    expect(defaultSession([], at('2026-06-30T08:00:00Z'), 'Europe/Zurich')).toBeUndefined();
  });
});

describe('defaultSession with sessions typed oddly', () => {
  // 10:00 UTC on 27 May is 12:00 in Geneva.
  const noon = new Date('2026-05-27T10:00:00Z');

  it('of two sessions starting together, opens the one listed first', () => {
    const together = [
      { sessionId: 'S1', date: '2026-05-27', start: '11:00', end: '13:00' },
      { sessionId: 'S1b', date: '2026-05-27', start: '11:00', end: '14:00' },
    ];
    expect(defaultSession(together, noon, 'Europe/Zurich')?.sessionId).toBe('S1');
    expect(defaultSession([together[1]!, together[0]!], noon, 'Europe/Zurich')?.sessionId).toBe('S1b');
  });

  it('a session that ends as it starts is not under way; the next is the one starting later', () => {
    const sessions = [
      { sessionId: 'S1', date: '2026-05-27', start: '12:00', end: '12:00' },
      { sessionId: 'S2', date: '2026-05-27', start: '14:00', end: '16:00' },
    ];
    expect(defaultSession(sessions, noon, 'Europe/Zurich')?.sessionId).toBe('S2');
  });

  it('a session whose end was typed before its start is still the next one by its start', () => {
    const sessions = [
      { sessionId: 'S1', date: '2026-05-27', start: '13:00', end: '11:00' },
      { sessionId: 'S2', date: '2026-05-27', start: '14:00', end: '16:00' },
    ];
    expect(defaultSession(sessions, noon, 'Europe/Zurich')?.sessionId).toBe('S1');
  });
});
