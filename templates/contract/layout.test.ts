// The layout's words and formulas for the contract as written: sheet names stand unquoted in list
// formulas, and the About sheet says what an empty cell means wherever a column has a default.
// Expected texts written out by hand from the contract.
import { describe, expect, it } from 'vitest';
import { ABOUT_LAYOUT, TABLE_LAYOUTS } from './layout.js';
import { SHEET_ORDER } from './sheets.js';

const about = (sheet: string, column: string) => ABOUT_LAYOUT.rows.find((r) => r[0] === sheet && r[1] === column)?.[3];

describe('the layout of the contract as written', () => {
  it('names every sheet by one plain word, so that a list formula takes it unquoted', () => {
    for (const name of SHEET_ORDER) expect(name).toMatch(/^[A-Za-z]+$/);
    expect(TABLE_LAYOUTS.Attendance.columns.map((c) => c.list?.kind === 'reference' ? c.list.formula : undefined)).toEqual([
      'Participants!$A$2:$A$10001', 'Sessions!$A$2:$A$10001', undefined, undefined,
    ]);
  });

  it('says on the About sheet what each kind of column allows, and what an empty cell means', () => {
    expect([
      about('Meeting', 'Time zone (a field)'), about('Sessions', 'Kind'), about('Participants', 'Status'), about('Participants', 'Gender'),
      about('Participants', 'Delegation ID'), about('Sessions', 'Start'), about('Attendance', 'Checked in at'), about('Agenda', 'Order'),
      about('Speakers', 'Minutes'), about('Participants', 'Email'), about('Delegations', 'Country code'), about('Sessions', 'Session ID'), about('Sessions', 'Room'),
      about('Submissions', 'Received on'),
    ]).toEqual([
      'an IANA time zone, such as Europe/Zurich (empty means Europe/Zurich)', 'Plenary, Side event (empty means Plenary)', 'Registered, Confirmed, Cancelled (empty means Registered)',
      'Woman, Man, Other, Not stated', 'a Delegation ID from the Delegations sheet', 'a time of day, such as 10:00', 'a date and time, such as 2026-05-27 09:45', 'a whole number',
      'a number', 'an e-mail address', 'a three-letter ISO country code, such as CHE', 'a short code, unique on this sheet', 'text',
      'a date, such as 2026-05-27 or 27 May 2026',
    ]);
  });
});
