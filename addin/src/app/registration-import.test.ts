import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessMapping, importHeaderKey, missingColumns, parseDelimited, previewImport, readExportFile } from './registration-import.js';

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
    ['anna', 'MUSTER', 'D-CHE', 'F', 'Delegate', 'In person', '2026-05-12', ''],
    ['Sofia', 'Reyes', 'D-SAS', 'Mujer', 'Observer', 'In person', '2026-05-25', 'sr@example.org'],
    ['Jean', 'Martin', 'D-SAS', 'M', 'Observer', 'Online', '2026-05-21', ''],
    ['Eve', 'Other', 'D-SAS', 'Q', 'Observer', 'Online', '2026-05-01', 'anna@example.ch'],
    ['Eva', 'Else', 'D-SAS', 'F', 'Observer', 'Online', '2026-05-01', 'anna@example.ch'],
  ];
  const known = [{ participantId: 'P0001', delegationId: 'D-CHE', givenName: 'Anna', familyName: 'Muster', email: 'anna@example.ch' }];
  // Worked out inside each test, so that a bug the test is to catch is there when it runs.
  const preview = () => previewImport({ rows: table.slice(1) }, guessMapping(header), known, '2026-05-22');

  it('reads each line with the contract schema and names what is wrong', () => {
    const rows = preview();
    expect(rows.map((r) => r.problems)).toEqual([[], [], [], [], ['Gender: expected a gender: one of Woman, Man, Other, Not stated'], []]);
    expect(rows[0]!.values).toMatchObject({ givenName: 'Jean', gender: 'M', registeredOn: '2026-05-20', title: undefined });
  });

  it('flags people already registered (name and delegation, or e-mail) and repeats within the export', () => {
    const rows = preview();
    // A row with a problem is kept out, as the validator leaves out a row with errors: it is nobody's duplicate.
    expect(rows.map((r) => r.duplicateOf ?? null)).toEqual([null, 'already registered as P0001', null, 'same person as line 2 of this import', null, 'same e-mail as P0001']);
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
    expect(previewImport({ rows: t.slice(1) }, guessMapping(h), k, undefined).map((r) => r.duplicateOf ?? null)).toEqual([
      null, null, 'same e-mail as P0003', null, 'same e-mail as line 5 of this import',
    ]);
  });

  it('flags registrations after the deadline, and only those', () => {
    const rows = preview();
    expect(rows.map((r) => r.late)).toEqual([false, false, true, false, false, false]);
    expect(previewImport({ rows: table.slice(1) }, guessMapping(header), known, undefined).some((r) => r.late)).toBe(false);
  });
});

describe('previewImport uses the validator\'s rules', () => {
  const header = ['First name', 'Last name', 'Delegation', 'Gender', 'Role', 'Participation', 'Registration date', 'Email'];
  const row = (given: string, family: string, registered: string, email: string) => [given, family, 'D-CHE', 'Woman', 'Delegate', 'Online', registered, email];

  it('a registration on the deadline day is on time; the day after is late', () => {
    const rows = previewImport({ rows: [row('A', 'One', '2026-05-22', ''), row('B', 'Two', '2026-05-23', ''), row('C', 'Three', '2026-05-22 23:59:59+00:00', '')] }, guessMapping(header), [], '2026-05-22');
    expect(rows.map((r) => r.late)).toEqual([false, true, false]);
  });

  it('a cancelled registration is nobody\'s duplicate: the person may register again', () => {
    const known = [{ participantId: 'P0007', delegationId: 'D-CHE', givenName: 'Anna', familyName: 'Muster', email: 'anna@example.ch', status: 'Cancelled' }];
    const rows = previewImport({ rows: [row('Anna', 'Muster', '2026-05-20', 'anna@example.ch')] }, guessMapping(header), known, undefined);
    expect(rows[0]!.duplicateOf).toBeUndefined();
    const active = previewImport({ rows: [row('Anna', 'Muster', '2026-05-20', 'ANNA@example.ch')] }, guessMapping(header), [{ ...known[0]!, status: 'Confirmed' }], undefined);
    expect(active[0]!.duplicateOf).toBe('same e-mail as P0007');
  });

  it('e-mails are compared as the validator does: case aside, accents kept', () => {
    const known = [{ participantId: 'P0001', delegationId: 'D-FRA', givenName: 'Zoé', familyName: 'Lefèvre', email: 'zoe@exämple.org' }];
    const rows = previewImport({ rows: [row('Else', 'One', '2026-05-20', 'zoe@example.org')] }, guessMapping(header), known, undefined);
    expect(rows[0]!.duplicateOf).toBeUndefined();
  });
});

describe('an export mapped without help', () => {
  it('the registration system export: states read, gender answers read, participation asked once', () => {
    const table = readExportFile(new Uint8Array(readFileSync(new URL('../../../test/fixtures/field-cases/registration-system-export.csv', import.meta.url))), 'registration-system-export.csv');
    const mapping = guessMapping(table.headers);
    expect(missingColumns(mapping)).toEqual(['participation']);
    const before = previewImport(table, mapping, [], '2026-05-22');
    // Participation is not reported on each line: the mapping step asks for it once.
    expect(before.map((r) => r.problems)).toEqual([[], [], []]);
    expect(missingColumns(mapping, { participation: 'In person' })).toEqual([]);
    const rows = previewImport(table, mapping, [], '2026-05-22', { participation: 'In person' });
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(rows.map((r) => [r.record.givenName, r.record.familyName, r.record.gender, r.record.role, r.record.status, r.record.participation, r.record.registeredOn, r.record.delegationId])).toEqual([
      ['Aline', 'Exemple', 'Woman', 'Head of delegation', 'Registered', 'In person', '2026-05-20', 'D-CHE'],
      ['Bruno', 'Muster', 'Man', 'Delegate', 'Registered', 'In person', '2026-05-23', 'D-CHE'],
      ['Carla', 'Núñez', 'Not stated', 'Observer', 'Registered', 'In person', '2026-05-21', 'D-NGO'],
    ]);
    expect(rows.map((r) => r.late)).toEqual([false, true, false]);
    // 22:40 UTC on 23 May is 00:40 on 24 May in Geneva.
    const inGeneva = previewImport(table, mapping, [], '2026-05-23', { participation: 'In person' }, 'Europe/Zurich');
    expect(inGeneva.map((r) => [r.record.registeredOn, r.late])).toEqual([['2026-05-20', false], ['2026-05-24', true], ['2026-05-21', false]]);
  });

  it('French and Spanish headers and answers', () => {
    const fr = ['Prénom', 'Nom', 'Délégation', 'Genre', 'Fonction', 'Mode de participation', 'Courriel', "Statut de l'inscription"];
    const es = ['Nombre', 'Apellido', 'Delegación', 'Género', 'Rol', 'Modalidad de participación', 'Correo electrónico', 'Estado'];
    for (const h of [fr, es]) expect(guessMapping(h)).toMatchObject({ givenName: 0, familyName: 1, delegationId: 2, gender: 3, role: 4, participation: 5, email: 6, status: 7 });
    const rows = previewImport({ rows: [
      ['Zoé', 'Lefèvre', 'D-FRA', 'Troisième genre', 'Déléguée', 'En ligne', 'zoe@example.org', 'Approuvée'],
      ['Luis', 'Pérez', 'D-ESP', 'Prefiero no responder', 'Delegado', 'Presencial', 'luis@example.org', 'Retirado'],
      ['Sam', 'Roe', 'D-GBR', 'Prefer to self-describe', 'Adviser', 'Online', 'sam@example.org', 'Declined'],
      ['Kim', 'Lee', 'D-KOR', 'Préfère ne pas le dire', 'Adviser', 'Online', 'kim@example.org', 'Complete'],
    ] }, guessMapping(fr), [], undefined);
    expect(rows.map((r) => [r.record.gender, r.record.status])).toEqual([['Other', 'Confirmed'], ['Not stated', 'Cancelled'], ['Other', 'Cancelled'], ['Not stated', 'Registered']]);
  });
});

describe('dates as the export writes them', () => {
  it('the webinar report: US dates with times, the order told from the column', () => {
    const table = readExportFile(new TextEncoder().encode('First Name,Last Name,Email,Registration Time\nAna,One,ana@example.org,"5/6/2026 14:03"\nBen,Two,ben@example.org,"5/23/2026 08:12"\n'), 'webinar.csv');
    const rows = previewImport(table, guessMapping(table.headers), [], '2026-05-22', { delegationId: 'D-CHE', gender: 'Woman', role: 'Delegate', participation: 'Online' });
    expect(rows.map((r) => [r.record.registeredOn, r.late, r.problems])).toEqual([['2026-05-06', false, []], ['2026-05-23', true, []]]);
  });
});

describe('form services name the registration time their own way', () => {
  it('Google Forms (Timestamp, Horodateur, Marca temporal) and Microsoft Forms (Completion time) give the registration date, so a late answer is flagged', () => {
    for (const stamp of ['Timestamp', 'Horodateur', 'Marca temporal', 'Completion time', 'Heure de fin', 'Hora de finalización']) {
      expect(guessMapping([stamp, 'First name', 'Last name']).registeredOn).toBe(0);
    }
    // Google Forms (English): month/day/year with seconds; 5/23/2026 is the day after the deadline.
    const table = readExportFile(new TextEncoder().encode('Timestamp,First name,Last name,Delegation,Gender,Email address\n5/20/2026 14:03:11,Ana,García,D-ESP,Mujer,ana@example.org\n5/23/2026 9:03:11,Luis,Pérez,D-ESP,Hombre,luis@example.org\n'), 'form.csv');
    const rows = previewImport(table, guessMapping(table.headers), [], '2026-05-22', { role: 'Delegate', participation: 'Online' });
    expect(rows.map((r) => [r.record.registeredOn, r.late, r.problems])).toEqual([['2026-05-20', false, []], ['2026-05-23', true, []]]);
  });
});

describe('an event ticketing export (Eventbrite-like attendee report)', () => {
  it('maps Order Date and Attendee Status, so a Not Attending ticket is imported as Cancelled, not Registered', () => {
    const csv = 'Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,Attendee Status,Delegation,Gender\n'
      + '123,2026-05-20 14:03:11-05:00,Ana,One,a@example.org,1,General,1,Attending,D-CHE,Female\n'
      + '124,2026-05-21 10:00:00-05:00,Ben,Two,b@example.org,1,General,2,Not Attending,D-CHE,Male\n'
      + '125,2026-05-22 19:30:00-05:00,Cy,Three,c@example.org,1,General,3,Checked In,D-CHE,Non-binary\n';
    const table = readExportFile(new TextEncoder().encode(csv), 'attendees.csv');
    const mapping = guessMapping(table.headers);
    expect([mapping.registeredOn, mapping.status]).toEqual([1, 8]);
    const rows = previewImport(table, mapping, [], '2026-05-22', { role: 'Delegate', participation: 'Online' }, 'Europe/Zurich');
    // 14:03-05:00 is 21:03 in Geneva on 20 May; 10:00-05:00 is 17:00 on 21 May; 19:30-05:00 on 22 May is 02:30 on 23 May: late.
    expect(rows.map((r) => [r.record.status, r.record.registeredOn, r.late, r.problems])).toEqual([
      ['Registered', '2026-05-20', false, []],
      ['Cancelled', '2026-05-21', false, []],
      ['Registered', '2026-05-23', true, []],
    ]);
  });
});

describe('a Microsoft Forms export', () => {
  // Microsoft Forms puts the respondent's account in its own Email column ("anonymous" when the form
  // is open to anyone), before the form's questions, which may ask for the e-mail address again.
  const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'First name', 'Last name', 'Delegation', 'Gender', 'Email address'];
  const rows = [
    ['1', '2026-05-20 14:03', '2026-05-20 14:05', 'anonymous', '', 'Ana', 'Li', 'D-CHE', 'Woman', 'ana@example.org'],
    ['2', '2026-05-23 09:00', '2026-05-23 09:02', 'anonymous', '', 'Ben', 'Wu', 'D-CHE', 'Man', 'ben@example.org'],
  ];
  it('takes the e-mail question, not the respondent column that only says "anonymous"', () => {
    const mapping = guessMapping(header, rows);
    expect([mapping.email, mapping.registeredOn]).toEqual([9, 2]);
    const preview = previewImport({ rows }, mapping, [], '2026-05-22', { role: 'Delegate', participation: 'Online' });
    expect(preview.map((r) => [r.record.email, r.record.registeredOn, r.late, r.problems])).toEqual([
      ['ana@example.org', '2026-05-20', false, []],
      ['ben@example.org', '2026-05-23', true, []],
    ]);
  });

  it('without an e-mail question, "anonymous" is no e-mail address rather than a problem on every row', () => {
    const short = header.slice(0, 9);
    const preview = previewImport({ rows: rows.map((r) => r.slice(0, 9)) }, guessMapping(short, rows), [], '2026-05-22', { role: 'Delegate', participation: 'Online' });
    expect(preview.map((r) => [r.record.email, r.problems])).toEqual([[undefined, []], [undefined, []]]);
  });
});

describe('pasted text', () => {
  it('the header is the first line holding anything, whatever the line breaks', () => {
    expect(parseDelimited('\n \nFirst name;Last name\nAna;One\n')).toEqual([['First name', 'Last name'], ['Ana', 'One']]);
    expect(parseDelimited('\r\rA\tB\r1\t2')).toEqual([['A', 'B'], ['1', '2']]);
    expect(parseDelimited('\uFEFF\r\nA,B\r\n1,2')).toEqual([['A', 'B'], ['1', '2']]);
  });

  it('the first line is the header even when the rows below it are wider', () => {
    expect(parseDelimited('First name,Last name\nAna,One,note\nBen,Two,note\n')).toEqual([['First name', 'Last name'], ['Ana', 'One', 'note'], ['Ben', 'Two', 'note']]);
  });
});

describe('importHeaderKey', () => {
  it('the contract\'s own headers name their columns', () => {
    expect(['Participant ID', 'Delegation ID', 'Title', 'Given name', 'Family name', 'Gender', 'Role', 'Email', 'Participation', 'Registered on', 'Status'].map(importHeaderKey))
      .toEqual(['participantId', 'delegationId', 'title', 'givenName', 'familyName', 'gender', 'role', 'email', 'participation', 'registeredOn', 'status']);
  });

  it('a trailing parenthesis, colon or asterisk, case and accents aside; a parenthesis inside is part of the name', () => {
    expect(['Gender (Woman, Man, Other)', 'Gender(Woman, Man)', 'Gender (Woman) ', 'E-mail address:', 'First name *', 'PRÉNOM :', 'Nom de famille*:', 'First (given) name', 'Comment', ''].map(importHeaderKey))
      .toEqual(['gender', 'gender', 'gender', 'email', 'givenName', 'givenName', 'familyName', undefined, undefined, undefined]);
  });
});

describe('guessMapping with the rows', () => {
  it('of two columns naming one field, the first holding a value in some row; else the first', () => {
    const header = ['Email', 'Email address', 'First name'];
    expect(guessMapping(header, [['', 'a@example.org', 'Ana'], [' ', '', 'Ben']]).email).toBe(1);
    expect(guessMapping(header, [['', '', 'Ana']]).email).toBe(0);
    expect(guessMapping(header, [['b@example.org', 'a@example.org', 'Ana']]).email).toBe(0);
    expect(guessMapping(header).email).toBe(0);
    expect(guessMapping(['ID', 'Start time', 'Completion time', 'Name', 'First name', 'Last name', 'Gender', 'Email', 'Email address']).email).toBe(7);
  });

  it('"anonymous" in French and Spanish too is no e-mail address; an address starting so is one', () => {
    const header = ['Email', 'E-mail'];
    for (const none of ['anonymous', 'ANONYMOUS', 'Anonyme', 'anónimo', 'anonimo', ' anonymous ']) expect(guessMapping(header, [[none, 'a@example.org']]).email).toBe(1);
    expect(guessMapping(header, [['anonymous@example.org', 'a@example.org']]).email).toBe(0);
    expect(guessMapping(header, [['not anonymous', 'a@example.org']]).email).toBe(0);
  });

  it('"anonymous" is a value in any other column', () => {
    expect(guessMapping(['First name', 'Given name'], [['', 'Anonymous']]).givenName).toBe(1);
  });
});

describe('missingColumns', () => {
  const none = () => guessMapping([]);

  it('every required column but the ID, in the contract\'s order, when nothing is mapped', () => {
    expect(missingColumns(none())).toEqual(['delegationId', 'givenName', 'familyName', 'gender', 'role', 'participation']);
  });

  it('a value for every row answers a column; spaces do not', () => {
    expect(missingColumns(none(), { role: 'Delegate', gender: '  ', participation: ' Online ', title: 'Dr' })).toEqual(['delegationId', 'givenName', 'familyName', 'gender']);
    expect(missingColumns(guessMapping(['Delegation', 'First name', 'Last name', 'Gender', 'Role', 'Participation']))).toEqual([]);
  });
});

describe('previewImport: each row as it would be written', () => {
  const header = ['First name', 'Last name', 'Delegation', 'Gender', 'Role', 'Participation', 'Registration date', 'Email', 'Title', 'Status'];

  it('cells trimmed and read by the contract; a value for every row fills empty cells; the row\'s line from the table', () => {
    const rows = previewImport(
      { rows: [[' Ana ', 'One', ' D-CHE ', 'f', 'delegate', '', '2026-05-20', ' ana@example.org ', '  ', '']], rowLines: [7] },
      guessMapping(header), [], '2026-05-22', { participation: ' Online ', title: 'Dr' },
    );
    expect(rows).toEqual([{
      line: 7,
      values: { participantId: undefined, delegationId: 'D-CHE', title: 'Dr', givenName: 'Ana', familyName: 'One', gender: 'f', role: 'delegate', email: 'ana@example.org', participation: 'Online', registeredOn: '2026-05-20', status: undefined },
      record: { delegationId: 'D-CHE', title: 'Dr', givenName: 'Ana', familyName: 'One', gender: 'Woman', role: 'Delegate', email: 'ana@example.org', participation: 'Online', registeredOn: '2026-05-20', status: 'Registered' },
      problems: [],
      late: false,
    }]);
  });

  it('a required cell left empty on a row, or a value the contract cannot read, is named with its column', () => {
    const rows = previewImport({ rows: [['', 'One', 'D-CHE', 'Woman', 'Chair', 'Online', '05/06/2026', 'not-an-address', '', 'Maybe']] }, guessMapping(header), [], undefined);
    expect(rows.map((r) => [r.line, r.problems])).toEqual([[2, [
      'Given name: expected some text',
      'Role: expected a role: one of Head of delegation, Deputy head of delegation, Delegate, Adviser, Observer',
      'Email: expected an e-mail address such as name@example.org',
      'Registered on: expected a date such as 2026-05-27 or 27 May 2026; day and month cannot be told apart in "05/06/2026"',
      'Status: expected a registration status: one of Registered, Confirmed, Cancelled',
    ]]]);
  });

  it('a required column the export lacks is asked once, not reported on every row; the ID column is never read', () => {
    const h = ['Participant ID', 'First name', 'Last name', 'Delegation', 'Role'];
    const rows = previewImport({ rows: [['not an id!', 'Ana', 'One', 'D-CHE', 'Delegate'], ['', 'Ben', 'Two', 'D-CHE', 'Adviser']] }, guessMapping(h), [], undefined);
    expect(rows.map((r) => [r.values.participantId, r.problems, r.record.gender, r.record.participation])).toEqual([['not an id!', [], undefined, undefined], [undefined, [], undefined, undefined]]);
  });

  it('a row shorter than the header (a CSV line that stops early) has empty cells at its end', () => {
    const rows = previewImport({ rows: [['Ana', 'One', 'D-CHE', 'Woman', 'Delegate', 'Online']] }, guessMapping(header), [], undefined);
    expect(rows.map((r) => [r.problems, r.values.email, r.values.registeredOn, r.record.status])).toEqual([[[], undefined, undefined, 'Registered']]);
    expect(guessMapping(['First name', 'Email', 'E-mail'], [['Ana'], ['Ben', '', 'ben@example.org']]).email).toBe(2);
  });

  it('a value for every row made only of spaces is no value', () => {
    const rows = previewImport({ rows: [['Ana', 'One', 'D-CHE', 'Woman', 'Delegate', 'Online', '', '', '', '']] }, guessMapping(header), [], undefined, { title: '   ', email: ' ' });
    expect([rows[0]!.values.title, rows[0]!.values.email, rows[0]!.problems]).toEqual([undefined, undefined, []]);
  });

  it('only the registration date is read as a date: a name that looks like one is kept as written', () => {
    const rows = previewImport({ rows: [['27 May 2026', 'One', 'D-CHE', 'Woman', 'Delegate', 'Online', '27 May 2026', '', '', '']] }, guessMapping(header), [], undefined);
    expect([rows[0]!.record.givenName, rows[0]!.record.registeredOn]).toEqual(['27 May 2026', '2026-05-27']);
  });

  it('a participant whose status is not text counts as registered', () => {
    const known = [{ participantId: 'P0001', delegationId: 'D-CHE', givenName: 'Ana', familyName: 'One', status: 3 }];
    const rows = previewImport({ rows: [['Ana', 'One', 'D-CHE', 'Woman', 'Delegate', 'Online', '', '', '', '']] }, guessMapping(header), known, undefined);
    expect(rows[0]!.duplicateOf).toBe('already registered as P0001');
  });

  it('a later row with the name of an earlier one in the same delegation, or its e-mail, names that line', () => {
    const rows = previewImport({ rows: [
      ['Ana', 'One', 'D-CHE', 'Woman', 'Delegate', 'Online', '', 'ana@example.org', '', ''],
      ['ANA', 'one', 'D-CHE', 'Woman', 'Delegate', 'Online', '', '', '', ''],
      ['Ana', 'One', 'D-FRA', 'Woman', 'Delegate', 'Online', '', '', '', ''],
      ['Ben', 'Two', 'D-FRA', 'Man', 'Delegate', 'Online', '', 'Ana@example.org', '', ''],
    ], rowLines: [4, 6, 7, 9] }, guessMapping(header), [], undefined);
    expect(rows.map((r) => r.duplicateOf ?? null)).toEqual([null, 'same person as line 4 of this import', null, 'same e-mail as line 4 of this import']);
  });

  it('late only with a deadline and a registration date that could be read', () => {
    const rows = previewImport({ rows: [
      ['Ana', 'One', 'D-CHE', 'Woman', 'Delegate', 'Online', '2026-05-23', '', '', ''],
      ['Ben', 'Two', 'D-CHE', 'Man', 'Delegate', 'Online', '', '', '', ''],
      ['Cy', 'Three', 'D-CHE', 'Man', 'Delegate', 'Online', 'next week', '', '', ''],
    ] }, guessMapping(header), [], '2026-05-22');
    expect(rows.map((r) => [r.late, r.problems.length])).toEqual([[true, 0], [false, 0], [false, 1]]);
  });
});
