// The blank template: every contract sheet an Excel table with exactly the contract's headers,
// drop-down lists on every enumerated and ID-reference column, frozen headers, date and time formats.
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkbook } from './sheet-values.js';

const TEMPLATE = join(import.meta.dirname, '..', '..', 'templates', 'att-meeting-template.xlsx');

// Written out by hand from the contract (architecture.md), so that a change to the contract that
// the template misses, or the reverse, fails here.
const HEADERS: Record<string, string[]> = {
  Sessions: ['Session ID', 'Date', 'Start', 'End', 'Title', 'Kind', 'Room'],
  Agenda: ['Item ID', 'Session ID', 'Order', 'Title', 'Body', 'Document', 'Status'],
  Delegations: ['Delegation ID', 'Name', 'Category', 'Country code'],
  Participants: ['Participant ID', 'Delegation ID', 'Title', 'Given name', 'Family name', 'Gender', 'Role', 'Email', 'Participation', 'Registered on', 'Status'],
  Attendance: ['Participant ID', 'Session ID', 'Mode', 'Checked in at'],
  Speakers: ['Session ID', 'Item ID', 'Participant ID', 'Minutes'],
  Submissions: ['Submission ID', 'Delegation ID', 'Type', 'Title', 'Received on'],
};

// sheet -> column letter -> the list formula Excel holds.
const LISTS: Record<string, Record<string, string>> = {
  Sessions: { F: '"Plenary,Side event"' },
  Agenda: { B: 'Sessions!$A$2:$A$10001', G: '"Planned,Addressed,Deferred"' },
  Delegations: { C: '"State Party,Signatory State,Observer State,International or Regional Organization,Civil Society or NGO,Industry"' },
  Participants: {
    B: 'Delegations!$A$2:$A$10001',
    F: '"Woman,Man,Other,Not stated"',
    G: '"Head of delegation,Deputy head of delegation,Delegate,Adviser,Observer"',
    I: '"In person,Online"',
    K: '"Registered,Confirmed,Cancelled"',
  },
  Attendance: { A: 'Participants!$A$2:$A$10001', B: 'Sessions!$A$2:$A$10001', C: '"In person,Online"' },
  Speakers: { A: 'Sessions!$A$2:$A$10001', B: 'Agenda!$A$2:$A$10001', C: 'Participants!$A$2:$A$10001' },
  Submissions: { B: 'Delegations!$A$2:$A$10001', C: '"Working paper,AOB"' },
};

const FORMATS: Record<string, Record<string, string>> = {
  Sessions: { B: 'yyyy-mm-dd', C: 'hh:mm', D: 'hh:mm' },
  Participants: { J: 'yyyy-mm-dd' },
  Attendance: { D: 'yyyy-mm-dd hh:mm' },
  Submissions: { E: 'yyyy-mm-dd' },
};

type Validations = { model: Record<string, ExcelJS.DataValidation | undefined> };
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: Validations }).dataValidations.model;

let wb: ExcelJS.Workbook;
beforeAll(async () => {
  wb = await openWorkbook(TEMPLATE);
}, 60_000);

describe('the blank template', () => {
  it('has the About sheet, the Meeting sheet and every data sheet, in that order', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['About', 'Meeting', ...Object.keys(HEADERS)]);
  });

  it.each(Object.entries(HEADERS))('lays out %s as a table with exactly the contract headers and no data', (sheet, headers) => {
    const ws = wb.getWorksheet(sheet)!;
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toEqual([sheet]);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    for (let c = 1; c <= headers.length; c++) expect(ws.getCell(2, c).value ?? null).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (let c = 1; c <= headers.length; c++) expect(ws.getColumn(c).width ?? 0).toBeGreaterThanOrEqual(headers[c - 1]!.length);
  });

  it.each(Object.entries(LISTS))('puts drop-down lists on %s on the table column\'s body only, nothing below the table that would stop it growing', (sheet, lists) => {
    const model = validations(wb.getWorksheet(sheet)!);
    for (const [letter, formula] of Object.entries(lists)) {
      // The blank table's one body row.
      expect(model[`${letter}2`], `${sheet}!${letter}2`).toMatchObject({ type: 'list', formulae: [formula] });
      for (const row of [3, 500, 10001]) expect(model[`${letter}${row}`], `${sheet}!${letter}${row}`).toBeUndefined();
    }
    const listed = new Set(Object.keys(model).map((a) => a.replace(/\d+$/, '')));
    expect([...listed].sort()).toEqual(Object.keys(lists).sort());
  });

  it.each(Object.entries(FORMATS))('formats the date and time columns of %s', (sheet, formats) => {
    const ws = wb.getWorksheet(sheet)!;
    for (const [letter, numFmt] of Object.entries(formats)) {
      expect(ws.getColumn(letter).numFmt, `${sheet}!${letter}`).toBe(numFmt);
      expect(ws.getCell(`${letter}2`).numFmt, `${sheet}!${letter}2`).toBe(numFmt);
    }
  });

  it('lists every meeting field with an empty value, dates formatted and Livestream as Yes/No', () => {
    const ws = wb.getWorksheet('Meeting')!;
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toEqual(['MeetingFields']);
    const fields: string[] = [];
    for (let r = 1; r <= 12; r++) fields.push(String(ws.getCell(r, 1).value));
    expect(fields).toEqual(['Field', 'Code', 'Title', 'Venue', 'City', 'Start date', 'End date', 'Time zone', 'Registration deadline', 'Working paper deadline', 'Documents date', 'Livestream']);
    for (let r = 2; r <= 12; r++) expect(ws.getCell(r, 2).value ?? null).toBeNull();
    for (const r of [6, 7, 9, 10, 11]) expect(ws.getCell(r, 2).numFmt).toBe('yyyy-mm-dd');
    expect(validations(ws)['B12']).toMatchObject({ type: 'list', formulae: ['"Yes,No"'] });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('explains every sheet and every column on the About sheet, with the contract version', () => {
    const ws = wb.getWorksheet('About')!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(['Sheet', 'Column', 'Required', 'Allowed values', 'What it means']);
    expect(rows[1]?.[4]).toContain('contract version 1');
    for (const [sheet, headers] of Object.entries(HEADERS)) {
      expect(rows.some((r) => r[0] === sheet && r[1] === '' && r[4]!.length > 20), sheet).toBe(true);
      for (const h of headers) expect(rows.find((r) => r[0] === sheet && r[1] === h)?.[4], `${sheet} ${h}`).toMatch(/\w{3,}/);
    }
    expect(rows.find((r) => r[0] === 'Participants' && r[1] === 'Gender')).toEqual(['Participants', 'Gender', 'Yes', 'Woman, Man, Other, Not stated', expect.stringContaining('gender-disaggregated')]);
    expect(rows.find((r) => r[0] === 'Meeting' && r[1] === 'Registration deadline (a field)')?.[2]).toBe('No');
  });
});
