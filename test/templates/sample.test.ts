// The sample CSP12 preparatory meeting: the seed's sessions, agenda and deadlines exactly, a
// realistic crowd around them, and exactly the four planted warnings when validated.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMeetingFile } from '../../pipeline/read-workbook.js';
import { type Plain, sheetValues } from './sheet-values.js';

const SAMPLE = join(import.meta.dirname, '..', '..', 'templates', 'sample-csp12-prep.xlsx');

let sheets: Record<string, Plain[][]>;
type Row = Record<string, Plain>;
const rows = (sheet: string): Row[] => {
  const [header, ...body] = sheets[sheet]!;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i] ?? null])));
};
const day = (v: Plain | undefined) => String(v).slice(0, 10);
// Excel times are fractions of a day; exceljs reads them back as dates on 1899-12-30 (UTC).
const clock = (v: Plain | undefined) => {
  if (typeof v === 'string') return v.slice(11, 16);
  const minutes = Math.round(Number(v) * 1440);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

beforeAll(async () => {
  sheets = await sheetValues(SAMPLE);
}, 60_000);

describe('the sample CSP12 Informal Preparatory Meeting', () => {
  it('has the meeting of the invitation: CICG Geneva, 27-28 May 2026, its deadlines, livestreamed', () => {
    const meeting: Record<string, Plain> = Object.fromEntries(sheets['Meeting']!.slice(1).map(([f, v]) => [String(f), v ?? null]));
    expect(meeting['Code']).toBe('CSP12-PREP');
    expect(meeting['Title']).toBe('CSP12 Informal Preparatory Meeting');
    expect(meeting['Venue']).toBe('Centre International de Conférences Genève (CICG)');
    expect(meeting['City']).toBe('Geneva');
    expect(meeting['Time zone']).toBe('Europe/Zurich');
    expect(meeting['Livestream']).toBe('Yes');
    expect([meeting['Start date'], meeting['End date'], meeting['Registration deadline'], meeting['Working paper deadline'], meeting['Documents date']].map(day)).toEqual(['2026-05-27', '2026-05-28', '2026-05-22', '2026-05-13', '2026-04-29']);
  });

  it('has four sessions, 10:00-13:00 and 15:00-18:00 on Wednesday 27 and Thursday 28 May', () => {
    expect(rows('Sessions').map((s) => [s['Session ID'], day(s['Date']), clock(s['Start']), clock(s['End']), s['Title'], s['Kind']])).toEqual([
      ['S1', '2026-05-27', '10:00', '13:00', 'Progress reports of ATT subsidiary bodies', 'Plenary'],
      ['S2', '2026-05-27', '15:00', '18:00', 'Progress reports of ATT subsidiary bodies', 'Plenary'],
      ['S3', '2026-05-28', '10:00', '13:00', 'CSP12 preparatory arrangements', 'Plenary'],
      ['S4', '2026-05-28', '15:00', '18:00', 'CSP12 preparatory arrangements', 'Plenary'],
    ]);
  });

  it('lists the agenda items exactly as the draft schedule does, with their bodies', () => {
    expect(rows('Agenda').map((a) => [a['Session ID'], a['Order'], a['Title'], a['Body']])).toEqual([
      ['S1', 1, 'Working Group on Effective Treaty Implementation (WGETI)', 'WGETI'],
      ['S1', 2, 'Working Group on Transparency and Reporting (WGTR)', 'WGTR'],
      ['S1', 3, 'Working Group on Treaty Universalization (WGTU)', 'WGTU'],
      ['S2', 1, 'Voluntary Trust Fund (VTF)', 'VTF'],
      ['S2', 2, 'Management Committee (MC)', 'MC'],
      ['S3', 1, 'Overview of the implementation of other CSP11 decisions', 'Presidency'],
      ['S3', 2, 'Update on the development of a draft five-year strategy for the ATT', 'Presidency'],
      ['S4', 1, 'Status of gender participation in ATT meetings', 'Secretariat'],
      ['S4', 2, "Update on the Gender Focal Points' survey on the preliminary workplan", 'Presidency'],
      ['S4', 3, 'Status of ATT finances', 'Secretariat'],
      ['S4', 4, 'Consideration of the CSP12 draft agenda', 'Presidency'],
      ['S4', 5, 'AOB', 'Presidency'],
    ]);
  });

  it('has about 110 States Parties, 25 signatories, a few observers, 10 organisations and 30 civil-society and industry delegations', () => {
    const count: Record<string, number> = {};
    for (const d of rows('Delegations')) count[String(d['Category'])] = (count[String(d['Category'])] ?? 0) + 1;
    expect(count).toEqual({ 'State Party': 110, 'Signatory State': 25, 'Observer State': 4, 'International or Regional Organization': 10, 'Civil Society or NGO': 24, Industry: 6 });
  });

  it('has about 600 participants, about a third of them women, fewer among heads of delegation', () => {
    const people = rows('Participants');
    expect(people.length).toBeGreaterThan(540);
    expect(people.length).toBeLessThan(660);
    const share = (list: Row[]) => {
      const n = (g: string) => list.filter((p) => p['Gender'] === g).length;
      return n('Woman') / (n('Woman') + n('Man') + n('Other'));
    };
    const overall = share(people);
    expect(overall).toBeGreaterThan(0.28);
    expect(overall).toBeLessThan(0.4);
    expect(share(people.filter((p) => p['Role'] === 'Head of delegation'))).toBeLessThan(overall);
    expect(people.some((p) => p['Gender'] === 'Not stated')).toBe(true);
    expect(people.some((p) => p['Participation'] === 'Online')).toBe(true);
    expect(people.some((p) => p['Status'] === 'Cancelled')).toBe(true);
  });

  it('never has a cancelled person attend or speak, and fills Wednesday morning more than Thursday afternoon', () => {
    const cancelled = new Set(rows('Participants').filter((p) => p['Status'] === 'Cancelled').map((p) => p['Participant ID']));
    expect(rows('Attendance').filter((a) => cancelled.has(a['Participant ID'])).length).toBe(0);
    expect(rows('Speakers').filter((s) => cancelled.has(s['Participant ID'])).length).toBe(0);
    const by = (s: string) => rows('Attendance').filter((a) => a['Session ID'] === s).length;
    expect(by('S1')).toBeGreaterThan(by('S4') * 1.15);
    expect(rows('Speakers').some((s) => s['Item ID'] === null)).toBe(true);
    expect(rows('Submissions').map((s) => s['Type'])).toEqual(['Working paper', 'Working paper', 'Working paper', 'Working paper', 'Working paper', 'AOB']);
  });

  it('validates with exactly the four planted warnings and no error', async () => {
    const validation = await readMeetingFile(SAMPLE);
    expect(validation.issues.map((i) => [i.severity, i.code, i.cell])).toEqual([
      ['warning', 'late-registration', 'Participants!J8'],
      ['warning', 'duplicate-person', 'Participants!H244'],
      ['warning', 'delegation-several-heads', 'Participants!G277'],
      ['warning', 'late-submission', 'Submissions!E6'],
    ]);
    expect(validation.data?.participants.length).toBe(rows('Participants').length);
  });
});
