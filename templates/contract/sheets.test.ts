// The contract's row schemas read one row of each sheet: typed values, the defaults of empty
// optional cells, and for a cell they cannot read an issue that names the column and says what was
// expected (with `empty` when the cell was empty). Expected values written out by hand.
import { describe, expect, it } from 'vitest';
import { ROW_SCHEMAS } from './sheets.js';

/** The issues of a row, as validators read them: kind, column, message, params. */
function issuesOf(result: { success: boolean; error?: { issues: readonly { code: string; path: readonly PropertyKey[]; message: string; params?: unknown }[] } }) {
  return (result.error?.issues ?? []).map((i) => ({ code: i.code, path: i.path, message: i.message, params: i.params }));
}

const missing = (column: string, expected: string) => ({ code: 'custom', path: [column], message: `expected ${expected}`, params: { expected, empty: true } });
const wrong = (column: string, expected: string) => ({ code: 'custom', path: [column], message: `expected ${expected}`, params: { expected } });

const GENDERS = 'a gender: one of Woman, Man, Other, Not stated';
const CATEGORIES = 'a delegation category: one of State Party, Signatory State, Observer State, International or Regional Organization, Civil Society or NGO, Industry';

describe('a row read with its defaults', () => {
  it('a session without Kind is a Plenary, and its empty Room stays empty', () => {
    const r = ROW_SCHEMAS.Sessions.safeParse({ sessionId: ' S1 ', date: '27 May 2026', start: 0.375, end: '13h', title: ' Opening ', room: '  ' });
    expect(r).toEqual({ success: true, data: { sessionId: 'S1', date: '2026-05-27', start: '09:00', end: '13:00', title: 'Opening', kind: 'Plenary', room: undefined } });
  });

  it('a side event stays a side event, in any of the three languages', () => {
    const row = { sessionId: 'S2', date: 46169, start: '14:00', end: '15:00', title: 'Side' };
    expect(ROW_SCHEMAS.Sessions.safeParse({ ...row, kind: 'Événement parallèle' }).data?.kind).toBe('Side event');
    expect(ROW_SCHEMAS.Sessions.safeParse({ ...row, kind: 'Evento paralelo' }).data?.kind).toBe('Side event');
  });

  it('an agenda item without Status is Planned; its order is a whole number from 1', () => {
    expect(ROW_SCHEMAS.Agenda.safeParse({ itemId: 'A1', sessionId: 'S1', order: '2', title: 'Opening' })).toEqual({
      success: true,
      data: { itemId: 'A1', sessionId: 'S1', order: 2, title: 'Opening', body: undefined, document: undefined, status: 'Planned' },
    });
    expect(ROW_SCHEMAS.Agenda.safeParse({ itemId: 'A1', sessionId: 'S1', order: 1, title: 'Opening', status: 'Reporté' }).data).toMatchObject({ order: 1, status: 'Deferred' });
  });

  it('a participant without Status is Registered, and a cancelled one is Cancelled', () => {
    const row = { participantId: 'P1', delegationId: 'D-CHE', givenName: 'Ana', familyName: 'Ruiz', gender: 'F', role: 'HoD', participation: 'Online' };
    expect(ROW_SCHEMAS.Participants.safeParse(row)).toEqual({
      success: true,
      data: { participantId: 'P1', delegationId: 'D-CHE', givenName: 'Ana', familyName: 'Ruiz', gender: 'Woman', role: 'Head of delegation', participation: 'Online', status: 'Registered' },
    });
    expect(ROW_SCHEMAS.Participants.safeParse({ ...row, status: 'Annulée', email: 'mailto:ana@example.org', registeredOn: '2026-05-01' }).data).toMatchObject({
      status: 'Cancelled', email: 'ana@example.org', registeredOn: '2026-05-01',
    });
  });

  it('the meeting\'s time zone is Europe/Zurich when empty, and as written otherwise', () => {
    const row = { code: 'CSP12', title: 'Twelfth Conference', startDate: '2026-08-24', endDate: '2026-08-28' };
    expect(ROW_SCHEMAS.Meeting.safeParse(row)).toEqual({
      success: true,
      data: { code: 'CSP12', title: 'Twelfth Conference', startDate: '2026-08-24', endDate: '2026-08-28', timeZone: 'Europe/Zurich' },
    });
    expect(ROW_SCHEMAS.Meeting.safeParse({ ...row, timeZone: ' America/New_York ' }).data?.timeZone).toBe('America/New_York');
    expect(issuesOf(ROW_SCHEMAS.Meeting.safeParse({ ...row, timeZone: 'Geneva' }))).toEqual([wrong('timeZone', 'an IANA time zone such as Europe/Zurich')]);
  });

  it('a speaker\'s minutes are any number from 0, decimals too, or nothing', () => {
    const row = { sessionId: 'S1', participantId: 'P1' };
    expect(ROW_SCHEMAS.Speakers.safeParse({ ...row, minutes: '2,5' }).data).toEqual({ sessionId: 'S1', participantId: 'P1', itemId: undefined, minutes: 2.5 });
    expect(ROW_SCHEMAS.Speakers.safeParse({ ...row, minutes: 0 }).data?.minutes).toBe(0);
    expect(ROW_SCHEMAS.Speakers.safeParse(row).data?.minutes).toBeUndefined();
    expect(issuesOf(ROW_SCHEMAS.Speakers.safeParse({ ...row, minutes: '-1' }))).toEqual([wrong('minutes', 'a number of at least 0')]);
  });
});

describe('enumerated cells', () => {
  const meeting = { code: 'M', title: 'T', startDate: '2026-05-27', endDate: '2026-05-28' };

  it('read a Yes/No from the number or the TRUE/FALSE Excel stores', () => {
    expect([1, 0, true, false, 'oui', 'No'].map((livestream) => ROW_SCHEMAS.Meeting.safeParse({ ...meeting, livestream }).data?.livestream)).toEqual(['Yes', 'No', 'Yes', 'No', 'Yes', 'No']);
    expect(ROW_SCHEMAS.Meeting.safeParse(meeting).data?.livestream).toBeUndefined();
  });

  it('refuse a date in a Yes/No cell, naming the allowed values', () => {
    expect(issuesOf(ROW_SCHEMAS.Meeting.safeParse({ ...meeting, livestream: new Date(Date.UTC(2026, 4, 27)) }))).toEqual([wrong('livestream', 'Yes or No: one of Yes, No')]);
    expect(issuesOf(ROW_SCHEMAS.Meeting.safeParse({ ...meeting, livestream: 2 }))).toEqual([wrong('livestream', 'Yes or No: one of Yes, No')]);
  });

  it('refuse a spelling they do not know, and an empty required one, naming every allowed value', () => {
    const row = { participantId: 'P1', delegationId: 'D', givenName: 'A', familyName: 'B', gender: 'Femmex', role: 'Delegate', participation: 'Online' };
    expect(issuesOf(ROW_SCHEMAS.Participants.safeParse(row))).toEqual([wrong('gender', GENDERS)]);
    expect(issuesOf(ROW_SCHEMAS.Participants.safeParse({ ...row, gender: ' ' }))).toEqual([missing('gender', GENDERS)]);
    expect(issuesOf(ROW_SCHEMAS.Delegations.safeParse({ delegationId: 'D', name: 'X' }))).toEqual([missing('category', CATEGORIES)]);
    expect(issuesOf(ROW_SCHEMAS.Delegations.safeParse({ delegationId: 'D', name: 'X', category: 'Party time' }))).toEqual([wrong('category', CATEGORIES)]);
  });

  it('refuse an unknown status instead of taking the default', () => {
    const row = { itemId: 'A1', sessionId: 'S1', order: 1, title: 'T', status: 'Maybe' };
    expect(issuesOf(ROW_SCHEMAS.Agenda.safeParse(row))).toEqual([wrong('status', 'an agenda item status: one of Planned, Addressed, Deferred')]);
  });
});

describe('country codes', () => {
  const row = { delegationId: 'D-CHE', name: 'Switzerland', category: 'State Party' };

  it('read in any case and with spaces around, as capitals', () => {
    expect(ROW_SCHEMAS.Delegations.safeParse({ ...row, countryCode: ' che ' })).toEqual({ success: true, data: { ...row, countryCode: 'CHE' } });
    expect(ROW_SCHEMAS.Delegations.safeParse(row)).toEqual({ success: true, data: { ...row, countryCode: undefined } });
  });

  it('refuse codes ISO has not assigned, and numbers (Switzerland\'s numeric code 756 is not an alpha-3 code)', () => {
    const expected = 'an ISO 3166-1 alpha-3 country code such as CHE';
    for (const countryCode of ['XYZ', 'CH', 756, true]) {
      expect(issuesOf(ROW_SCHEMAS.Delegations.safeParse({ ...row, countryCode }))).toEqual([wrong('countryCode', expected)]);
    }
  });
});

describe('a row with every required cell empty', () => {
  it('lists each required column with what it expects, in contract order', () => {
    expect(issuesOf(ROW_SCHEMAS.Sessions.safeParse({}))).toEqual([
      missing('sessionId', 'an identifier'),
      missing('date', 'a date such as 2026-05-27 or 27 May 2026'),
      missing('start', 'a time of day such as 10:00 or 15:30'),
      missing('end', 'a time of day such as 10:00 or 15:30'),
      missing('title', 'some text'),
    ]);
    expect(issuesOf(ROW_SCHEMAS.Agenda.safeParse({ itemId: null, sessionId: '', order: undefined, title: '\t' }))).toEqual([
      missing('itemId', 'an identifier'),
      missing('sessionId', 'an identifier'),
      missing('order', 'a whole number of at least 1'),
      missing('title', 'some text'),
    ]);
    expect(issuesOf(ROW_SCHEMAS.Attendance.safeParse({}))).toEqual([
      missing('participantId', 'an identifier'),
      missing('sessionId', 'an identifier'),
      missing('mode', 'a mode of participation: one of In person, Online'),
    ]);
    expect(issuesOf(ROW_SCHEMAS.Submissions.safeParse({}))).toEqual([
      missing('submissionId', 'an identifier'),
      missing('delegationId', 'an identifier'),
      missing('type', 'a submission type: one of Working paper, AOB'),
      missing('title', 'some text'),
      missing('receivedOn', 'a date such as 2026-05-27 or 27 May 2026'),
    ]);
  });

  it('leaves out the optional columns: an empty row of them is read as nothing', () => {
    const r = ROW_SCHEMAS.Attendance.safeParse({ participantId: 'P1', sessionId: 'S1', mode: 'présentiel', checkedInAt: '' });
    expect(r).toEqual({ success: true, data: { participantId: 'P1', sessionId: 'S1', mode: 'In person', checkedInAt: undefined } });
  });
});

describe('a cell that cannot be read says why, in the reader\'s words', () => {
  it('an order of 0 or 1.5, a check-in without its time, an e-mail without its domain', () => {
    const agenda = { itemId: 'A1', sessionId: 'S1', title: 'T' };
    expect(issuesOf(ROW_SCHEMAS.Agenda.safeParse({ ...agenda, order: 0 }))).toEqual([wrong('order', 'a whole number of at least 1')]);
    expect(issuesOf(ROW_SCHEMAS.Agenda.safeParse({ ...agenda, order: 1.5 }))).toEqual([wrong('order', 'a whole number of at least 1')]);
    expect(issuesOf(ROW_SCHEMAS.Attendance.safeParse({ participantId: 'P1', sessionId: 'S1', mode: 'Online', checkedInAt: '2026-05-27' }))).toEqual([
      wrong('checkedInAt', 'a date and time such as 2026-05-27 09:45; it has a date but no time'),
    ]);
    const person = { participantId: 'P1', delegationId: 'D', givenName: 'A', familyName: 'B', gender: 'M', role: 'Delegate', participation: 'Online' };
    expect(issuesOf(ROW_SCHEMAS.Participants.safeParse({ ...person, email: 'ana@' }))).toEqual([wrong('email', 'an e-mail address such as name@example.org')]);
  });

  it('a date a month does not have, in a required date column', () => {
    const r = ROW_SCHEMAS.Submissions.safeParse({ submissionId: 'WP1', delegationId: 'D', type: 'WP', title: 'T', receivedOn: '31 April 2026' });
    expect(issuesOf(r)).toEqual([wrong('receivedOn', 'a date such as 2026-05-27 or 27 May 2026; there is no 31 April 2026')]);
  });
});
