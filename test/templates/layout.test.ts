// The layout derived from the contract: headers in contract order, lists on every enumerated and
// reference column, bounded ranges, and an About row for every sheet and column.
import { describe, expect, it } from 'vitest';
import { ABOUT_LAYOUT, columnLetter, LAST_LAYOUT_ROW, MEETING_LAYOUT, TABLE_LAYOUTS, tableColumnRange } from '../../templates/contract/layout.js';

describe('layout', () => {
  it('names column letters past Z', () => {
    expect([1, 26, 27, 52, 53].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA']);
  });

  it('lays out Participants in contract order with its lists', () => {
    const p = TABLE_LAYOUTS.Participants;
    expect(p.table).toBe('Participants');
    expect(p.headers).toEqual(['Participant ID', 'Delegation ID', 'Title', 'Given name', 'Family name', 'Gender', 'Role', 'Email', 'Participation', 'Registered on', 'Status']);
    const byHeader = Object.fromEntries(p.columns.map((c) => [c.header, c]));
    expect(byHeader['Gender']?.list).toMatchObject({ kind: 'values', source: 'Woman,Man,Other,Not stated', formula: '"Woman,Man,Other,Not stated"' });
    expect(byHeader['Delegation ID']?.list).toMatchObject({ kind: 'reference', source: '=Delegations!$A$2:$A$10001', formula: 'Delegations!$A$2:$A$10001' });
    expect(byHeader['Registered on']).toMatchObject({ letter: 'J', numFmt: 'yyyy-mm-dd', range: 'J2:J10001' });
    expect(byHeader['Email']?.list).toBeUndefined();
  });

  it('puts a list on every enumerated and every ID-reference column, and bounds every range', () => {
    const expected: Record<string, string[]> = {
      Sessions: ['Kind'],
      Agenda: ['Session ID', 'Status'],
      Delegations: ['Category'],
      Participants: ['Delegation ID', 'Gender', 'Role', 'Participation', 'Status'],
      Attendance: ['Participant ID', 'Session ID', 'Mode'],
      Speakers: ['Session ID', 'Item ID', 'Participant ID'],
      Submissions: ['Delegation ID', 'Type'],
    };
    for (const [sheet, headers] of Object.entries(expected)) {
      const layout = TABLE_LAYOUTS[sheet as keyof typeof TABLE_LAYOUTS];
      expect(layout.columns.filter((c) => c.list).map((c) => c.header), sheet).toEqual(headers);
      for (const c of layout.columns) expect(c.range).toBe(`${c.letter}2:${c.letter}${LAST_LAYOUT_ROW}`);
    }
    expect(TABLE_LAYOUTS.Speakers.columns[1]?.list).toMatchObject({ sheet: 'Agenda', header: 'Item ID', formula: 'Agenda!$A$2:$A$10001' });
  });

  it('puts a table\'s lists on its column\'s body rows, the one empty row of a blank table included, never below it', () => {
    expect(tableColumnRange({ letter: 'F' }, 0)).toBe('F2:F2');
    expect(tableColumnRange({ letter: 'F' }, 1)).toBe('F2:F2');
    expect(tableColumnRange({ letter: 'AB' }, 580)).toBe('AB2:AB581');
  });

  it('lays out the Meeting fields one per row with date formats and a Yes/No list', () => {
    expect(MEETING_LAYOUT.fields.map((f) => f.field)).toEqual(['Code', 'Title', 'Venue', 'City', 'Start date', 'End date', 'Time zone', 'Registration deadline', 'Working paper deadline', 'Documents date', 'Livestream']);
    expect(MEETING_LAYOUT.fields[4]).toMatchObject({ row: 6, valueCell: 'B6', numFmt: 'yyyy-mm-dd', required: true });
    expect(MEETING_LAYOUT.fields[10]?.list?.source).toBe('Yes,No');
  });

  it('explains every sheet and column on the About sheet', () => {
    // 1 About row + 8 sheet rows + 11 meeting fields + 7+7+4+11+4+4+5 columns = 62
    expect(ABOUT_LAYOUT.rows).toHaveLength(62);
    expect(ABOUT_LAYOUT.rows.find((r) => r[0] === 'Participants' && r[1] === 'Gender')?.[3]).toBe('Woman, Man, Other, Not stated');
    expect(ABOUT_LAYOUT.rows.every((r) => r.length === ABOUT_LAYOUT.headers.length && r[4] !== '')).toBe(true);
  });
});
