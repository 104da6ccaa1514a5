import { describe, expect, it } from 'vitest';
import { guessMapping, parseDelimited, previewImport } from './registration-import.js';

describe('parseDelimited', () => {
  it('reads CSV with quotes, doubled quotes, embedded separators and CRLF, skipping blank lines', () => {
    expect(parseDelimited('\uFEFFa,b,c\r\n"x, y","say ""hi""",3\r\n\r\nlast,,\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', '3'],
      ['last', '', ''],
    ]);
  });

  it('takes the separator the header uses: tabs from a pasted spreadsheet, semicolons from a French Excel', () => {
    expect(parseDelimited('First name\tLast name\nAnna\tMuster')).toEqual([['First name', 'Last name'], ['Anna', 'Muster']]);
    expect(parseDelimited('Prénom;Nom\nClaire;Dubois')).toEqual([['Prénom', 'Nom'], ['Claire', 'Dubois']]);
  });

  it('keeps markup and formula-like text as plain characters', () => {
    expect(parseDelimited('a\n<img src=x onerror=alert(1)>\n=HYPERLINK("x")')).toEqual([['a'], ['<img src=x onerror=alert(1)>'], ['=HYPERLINK("x")']]);
  });
});

describe('guessMapping', () => {
  it('maps contract headers and common export spellings, in any case and with accents', () => {
    const m = guessMapping(['E-mail', 'Prénom', 'NOM', 'Delegation', 'Sex', 'Function', 'Registration date', 'Participation', 'Something else']);
    expect(m).toMatchObject({ email: 0, givenName: 1, familyName: 2, delegationId: 3, gender: 4, role: 5, registeredOn: 6, participation: 7, title: -1, status: -1, participantId: -1 });
  });
});

describe('previewImport', () => {
  const header = ['First name', 'Last name', 'Delegation', 'Sex', 'Function', 'Mode', 'Registration date', 'Email'];
  const table = [
    header,
    ['Jean', 'Martin', 'D-SAS', 'M', 'Observer', 'Online', '2026-05-20', 'jm@example.org'],
    ['anna', 'MUSTER', 'd-che', 'F', 'Delegate', 'In person', '2026-05-12', ''],
    ['Sofia', 'Reyes', 'D-SAS', 'Mujer', 'Observer', 'In person', '2026-05-25', 'sr@example.org'],
    ['Jean', 'Martin', 'D-SAS', 'M', 'Observer', 'Online', '2026-05-21', ''],
    ['Eve', 'Other', 'D-SAS', 'Q', 'Observer', 'Online', '2026-05-01', 'anna@example.ch'],
  ];
  const known = [{ participantId: 'P0001', delegationId: 'D-CHE', givenName: 'Anna', familyName: 'Muster', email: 'anna@example.ch' }];
  const rows = previewImport(table, guessMapping(header), known, '2026-05-22');

  it('reads each line with the contract schema and names what is wrong', () => {
    expect(rows.map((r) => r.problems)).toEqual([[], [], [], [], ['Gender: expected a gender: one of Woman, Man, Other, Not stated']]);
    expect(rows[0]!.values).toMatchObject({ givenName: 'Jean', gender: 'M', registeredOn: '2026-05-20', title: undefined });
  });

  it('flags people already registered (name and delegation, or e-mail) and repeats within the export', () => {
    expect(rows.map((r) => r.duplicateOf ?? null)).toEqual([null, 'already registered as P0001', null, 'same person as line 2 of this import', 'same e-mail as P0001']);
  });

  it('compares as the duplicate-person rule does: cancelled registrations not at all, e-mails in lower case only, and e-mails within the export', () => {
    const h = ['First name', 'Last name', 'Delegation', 'Sex', 'Function', 'Mode', 'Email'];
    const t = [
      h,
      ['Anna', 'Muster', 'D-CHE', 'F', 'Delegate', 'In person', 'anna@example.ch'], // 2: only P0001 has this name and e-mail, and P0001 is cancelled
      ['Jose', 'Pérez', 'D-MEX', 'M', 'Delegate', 'In person', 'jose@example.org'], // 3: P0002's e-mail is josé@, another address
      ['Leo', 'Park', 'D-KOR', 'M', 'Delegate', 'In person', 'LEE@Example.org'], // 4: P0003's e-mail in other capitals
      ['Mia', 'Wong', 'D-SGP', 'F', 'Delegate', 'Online', 'shared@example.org'], // 5
      ['Ana', 'Silva', 'D-BRA', 'F', 'Delegate', 'Online', 'Shared@example.org'], // 6: line 5's e-mail, another name
    ];
    const k = [
      { participantId: 'P0001', delegationId: 'D-CHE', givenName: 'Anna', familyName: 'Muster', email: 'anna@example.ch', status: 'Cancelled' },
      { participantId: 'P0002', delegationId: 'D-ESP', givenName: 'José', familyName: 'Pérez', email: 'josé@example.org', status: 'Registered' },
      { participantId: 'P0003', delegationId: 'D-KOR', givenName: 'Lee', familyName: 'Kim', email: 'lee@example.org' },
    ];
    expect(previewImport(t, guessMapping(h), k, undefined).map((r) => r.duplicateOf ?? null)).toEqual([
      null, null, 'same e-mail as P0003', null, 'same e-mail as line 5 of this import',
    ]);
  });

  it('flags registrations after the deadline, and only those', () => {
    expect(rows.map((r) => r.late)).toEqual([false, false, true, false, false]);
    expect(previewImport(table, guessMapping(header), known, undefined).some((r) => r.late)).toBe(false);
  });
});
