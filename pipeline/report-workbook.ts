// Builds report.xlsx, the CSP report workbook: a Summary sheet, one table per breakdown, the
// validation warnings (without personal data) and the charts as embedded PNGs. exceljs, in memory.
import ExcelJS from 'exceljs';
import { CATEGORIES, ROLES } from '../templates/contract/index.js';
import { fixZipTimestamps } from '../templates/generate/zip-timestamps.js';
import type { ChartSpec } from './chart-configs.js';
import type { Issue } from './core/issues.js';
import type { GenderBreakdown, GenderCounts, Summary } from './core/summary.js';
import { plural } from './print-issues.js';

export interface RenderedChart {
  readonly spec: ChartSpec;
  readonly png: Buffer;
}

type Kind = 'text' | 'count' | 'number' | 'share';
interface Column {
  readonly header: string;
  readonly kind: Kind;
}
/** A cell value: null is a share whose denominator is 0; undefined is "not recorded". */
type Value = string | number | null | undefined;

/** Printed (and converted to PDF) landscape, one page wide. */
const PAGE_SETUP: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const NUM_FMT: Record<Kind, string | undefined> = { text: undefined, count: '#,##0', number: '#,##0.0', share: '0.0%' };
export const NOT_RECORDED = 'not recorded';
/** Shown where a share has no denominator (nobody of known gender): not zero, not a number. */
export const NO_SHARE = 'n/a';

const GENDER_COLUMNS: Column[] = [
  { header: 'Total', kind: 'count' },
  { header: 'Women', kind: 'count' },
  { header: 'Men', kind: 'count' },
  { header: 'Other', kind: 'count' },
  { header: 'Not stated', kind: 'count' },
  { header: 'Share of women', kind: 'share' },
];
const genderCells = (b: GenderBreakdown): Value[] => [b.total, b.byGender.woman, b.byGender.man, b.byGender.other, b.byGender.notStated, b.womenShare];
const countCells = (c: GenderCounts): Value[] => [c.woman, c.man, c.other, c.notStated];

function display(v: Value, kind: Kind): string {
  if (v === undefined) return NOT_RECORDED;
  if (v === null) return NO_SHARE;
  if (typeof v === 'string') return v;
  return kind === 'share' ? `${(v * 100).toFixed(1)}%` : v.toLocaleString('en-GB');
}

/** A sheet holding one table: styled header, frozen header row, widths that fit the content. */
function addTable(wb: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: readonly Value[][], note?: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { pageSetup: PAGE_SETUP });
  let first = 1;
  if (note !== undefined) {
    ws.getCell(1, 1).value = note;
    ws.getCell(1, 1).font = { name: 'Calibri', italic: true };
    first = 3;
  }
  const header = ws.getRow(first);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: 'Calibri', bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: c.kind === 'text' ? 'left' : 'right', wrapText: true };
  });
  rows.forEach((values, r) => {
    const row = ws.getRow(first + 1 + r);
    columns.forEach((c, i) => {
      const v = values[i];
      const cell = row.getCell(i + 1);
      // Strings are written as plain values: exceljs stores them as shared strings, never as a
      // formula, even when they start with "=" (tested on the written XML).
      cell.value = typeof v === 'number' ? v : display(v, c.kind);
      if (typeof v === 'number' && NUM_FMT[c.kind] !== undefined) cell.numFmt = NUM_FMT[c.kind] as string;
      if (typeof v !== 'number' && c.kind !== 'text') cell.alignment = { horizontal: 'right' };
    });
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: first }];
  columns.forEach((c, i) => {
    const longest = Math.max(c.header.length, ...rows.map((values) => display(values[i], c.kind).length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(9, longest + 2));
  });
  return ws;
}

/**
 * What a warning or error says in the report: no names or e-mails, only cells, codes and what was
 * expected. `personal` holds every word of every name, and every e-mail (see personalWords).
 */
export function reportableIssue(issue: Issue, personal: ReadonlySet<string>): { severity: string; code: string; cell: string; message: string } {
  // Messages on the Participants sheet may quote a name or an e-mail (a duplicate person, an
  // unreadable address); the report keeps only what was expected there.
  const onParticipants = issue.sheet === 'Participants' || (issue.cell ?? '').startsWith('Participants!');
  let message = onParticipants ? `${issue.code.replace(/-/g, ' ')}${issue.expected ? `: expected ${issue.expected}` : ''}` : issue.message;
  // Word by word against a set, so that thousands of issues and participants stay linear.
  message = message.replace(/[^\s,;:()"'«»\[\]]+/g, (word) => (personal.has(word) || personal.has(word.replace(/[.!?]+$/, '')) ? '[personal data]' : word));
  return { severity: issue.severity, code: issue.code, cell: issue.cell ?? (issue.sheet ?? ''), message };
}

/** The words to keep out of the report: each word of a participant's names, and their e-mail. */
export function personalWords(people: Iterable<{ givenName: string; familyName: string; email?: string | undefined }>): Set<string> {
  const set = new Set<string>();
  for (const p of people) {
    for (const w of `${p.givenName} ${p.familyName}`.split(/\s+/)) if (w.length >= 3) set.add(w);
    if (p.email !== undefined) set.add(p.email);
  }
  return set;
}

export function dataQualityLine(summary: Summary): string {
  const q = summary.dataQuality;
  const people = `${summary.participants.registered.total.toLocaleString('en-GB')} participants (not cancelled), ${summary.sessions.length} sessions`;
  if (q === undefined) return `Data: ${people}.`;
  const left = q.leftOut.reduce((n, l) => n + l.count, 0);
  return `Data: ${people}; ${plural(q.errors, 'error')}${left > 0 ? ` (${plural(left, 'row')} left out)` : ''}, ${plural(q.warnings, 'warning')}.`;
}

const pct = (v: number | null | undefined): Value => (v === undefined ? undefined : v);

/** The report workbook as xlsx bytes. `personal` holds names and e-mails to keep out of it. */
export async function buildReportWorkbook(summary: Summary, issues: readonly Issue[], charts: readonly RenderedChart[], personal: ReadonlySet<string> = new Set()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'att-meetings';
  const m = summary.meeting;
  // Fixed from the meeting, so that two runs on one workbook give the same file.
  wb.created = new Date(`${m.startDate}T00:00:00Z`);
  wb.modified = wb.created;

  const speakersShare = summary.speakers === null ? undefined : summary.headline.speakers;
  addTable(
    wb,
    'Summary',
    [
      { header: 'Item', kind: 'text' },
      { header: 'Value', kind: 'text' },
    ],
    [
      ['Meeting', m.code],
      ['Title', m.title],
      ['Venue', [m.venue, m.city].filter((x) => x !== null).join(', ')],
      ['Dates', m.startDate === m.endDate ? m.startDate : `${m.startDate} to ${m.endDate}`],
      ['Sessions', summary.sessions.length],
      ['Participants registered (not cancelled)', summary.participants.registered.total],
      ['Participants who attended at least one session', summary.participants.attended.total],
      ['Data quality', dataQualityLine(summary)],
    ],
  );
  // The headline shares as numbers, under the text table, so they keep their percent format.
  const ws = wb.getWorksheet('Summary') as ExcelJS.Worksheet;
  const headlines: [string, Value][] = [
    ['Share of women among participants who attended', summary.headline.attendees],
    ['Share of women among heads of delegation who attended', summary.headline.headsOfDelegation],
    ['Share of women among speakers (interventions)', speakersShare],
  ];
  const start = ws.rowCount + 2;
  const h = ws.getRow(start);
  ['Headline', 'Share'].forEach((t, i) => {
    const c = h.getCell(i + 1);
    c.value = t;
    c.font = { name: 'Calibri', bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = HEADER_FILL;
  });
  headlines.forEach(([label, v], i) => {
    const row = ws.getRow(start + 1 + i);
    row.getCell(1).value = label;
    const cell = row.getCell(2);
    cell.value = typeof v === 'number' ? v : display(v, 'share');
    if (typeof v === 'number') cell.numFmt = '0.0%';
    cell.font = { name: 'Calibri', bold: true, size: 14 };
    cell.alignment = { horizontal: 'right' };
  });
  ws.getColumn(1).width = 56;
  ws.getColumn(2).width = Math.min(90, Math.max(20, ...[m.title, dataQualityLine(summary)].map((t) => t.length + 2)));

  const sessionCols: Column[] = [
    { header: 'Session', kind: 'text' },
    { header: 'Date', kind: 'text' },
    { header: 'Start', kind: 'text' },
    { header: 'End', kind: 'text' },
    { header: 'Title', kind: 'text' },
  ];
  const sessionCells = (s: Summary['sessions'][number]): Value[] => [s.id, s.date, s.start, s.end, s.title];

  addTable(wb, 'Sessions by gender', [...sessionCols, ...GENDER_COLUMNS], summary.sessions.map((s) => [...sessionCells(s), ...genderCells({ total: s.attendees.total, byGender: s.attendees.byGender, womenShare: s.attendees.womenShare })]),
  );

  addTable(
    wb,
    'By category',
    [{ header: 'Session', kind: 'text' }, { header: 'Category', kind: 'text' }, ...GENDER_COLUMNS],
    summary.sessions.flatMap((s) => CATEGORIES.map((c) => [s.id, c, ...genderCells(s.attendees.byCategory[c])])),
  );

  addTable(
    wb,
    'By mode',
    [{ header: 'Session', kind: 'text' }, { header: 'Mode', kind: 'text' }, ...GENDER_COLUMNS],
    summary.sessions.flatMap((s) => [
      [s.id, 'In person', ...genderCells(s.attendees.byMode.inPerson)],
      [s.id, 'Online', ...genderCells(s.attendees.byMode.online)],
    ]),
  );

  const p = summary.participants;
  addTable(
    wb,
    'By role',
    [{ header: 'Scope', kind: 'text' }, { header: 'Role', kind: 'text' }, ...GENDER_COLUMNS],
    [
      ...summary.sessions.map((s) => [`Session ${s.id}`, 'Head of delegation', ...genderCells(s.attendees.headsOfDelegation)]),
      ...ROLES.map((r) => ['Meeting: registered', r, ...genderCells(p.registered.byRole[r])]),
      ...ROLES.map((r) => ['Meeting: attended', r, ...genderCells(p.attended.byRole[r])]),
    ],
  );

  const d = summary.delegations;
  addTable(
    wb,
    'Delegations',
    [
      { header: 'Category', kind: 'text' },
      { header: 'Delegations', kind: 'count' },
      { header: 'With at least one woman', kind: 'count' },
      { header: 'Headed by a woman', kind: 'count' },
      { header: 'Men only', kind: 'count' },
    ],
    [...CATEGORIES.map((c) => [c, d.byCategory[c].total, d.byCategory[c].withWoman, d.byCategory[c].womanHeaded, d.byCategory[c].menOnly]), ['All delegations', d.total, d.withWoman, d.womanHeaded, d.menOnly]],
    'Delegations with at least one participant who is not cancelled.',
  );

  const speakerCols: Column[] = [
    { header: 'Session', kind: 'text' },
    { header: 'Interventions', kind: 'count' },
    { header: 'By women', kind: 'count' },
    { header: 'By men', kind: 'count' },
    { header: 'By other', kind: 'count' },
    { header: 'Not stated', kind: 'count' },
    { header: 'Share by women', kind: 'share' },
    { header: 'Minutes', kind: 'number' },
    { header: 'Minutes by women', kind: 'number' },
    { header: 'Timed interventions', kind: 'count' },
  ];
  const speakerRow = (label: string, sp: Summary['speakers']): Value[] =>
    sp === null
      ? [label, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined]
      : [label, sp.interventions, ...countCells(sp.byGender), sp.womenShare, sp.minutes.total, sp.minutes.byGender.woman, sp.minutes.timedInterventions];
  addTable(
    wb,
    'Speakers',
    speakerCols,
    [...summary.sessions.map((s) => speakerRow(s.id, s.speakers)), speakerRow('All sessions', summary.speakers)],
    summary.speakers === null ? 'The workbook has no Speakers sheet: interventions were not recorded.' : undefined,
  );

  addTable(
    wb,
    'Registered vs attended',
    [{ header: 'Group', kind: 'text' }, { header: 'Category', kind: 'text' }, ...GENDER_COLUMNS],
    [
      ['Registered', 'All', ...genderCells(p.registered)],
      ['Attended', 'All', ...genderCells(p.attended)],
      ['No-shows', 'All', ...genderCells(p.noShows)],
      ...CATEGORIES.map((c) => ['Registered', c, ...genderCells(p.registered.byCategory[c])]),
      ...CATEGORIES.map((c) => ['Attended', c, ...genderCells(p.attended.byCategory[c])]),
    ],
  );

  addTable(
    wb,
    'Validation',
    [
      { header: 'Severity', kind: 'text' },
      { header: 'Code', kind: 'text' },
      { header: 'Cell', kind: 'text' },
      { header: 'Message', kind: 'text' },
    ],
    issues.map((i) => {
      const r = reportableIssue(i, personal);
      return [r.severity, r.code, r.cell, r.message];
    }),
    issues.length === 0 ? 'No warnings.' : undefined,
  );

  const cs = wb.addWorksheet('Charts', { pageSetup: PAGE_SETUP });
  cs.getColumn(1).width = 120;
  let row = 1;
  for (const c of charts) {
    const caption = cs.getCell(row, 1);
    caption.value = c.spec.caption;
    caption.font = { name: 'Calibri', bold: true, size: 12 };
    const id = wb.addImage({ buffer: c.png as unknown as ExcelJS.Buffer, extension: 'png' });
    cs.addImage(id, { tl: { col: 0, row }, ext: { width: 800, height: 450 } });
    // One chart per printed page, rather than charts cut in two.
    cs.getRow(row + 24).addPageBreak();
    row += 25;
  }
  if (charts.length === 0) cs.getCell(1, 1).value = 'No charts.';

  // Same workbook in, same bytes out: the zip entries carry the meeting's date, not the time of the run.
  return fixZipTimestamps(Buffer.from(await wb.xlsx.writeBuffer()), wb.created);
}
