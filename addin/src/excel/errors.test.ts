// Excel's errors as the sentences the status line shows: what to do for the codes Microsoft
// documents, the code kept for anything else, the pane's own sentences left as they are.
import { describe, expect, it } from 'vitest';
import { errorSentence } from './errors.js';
import { WriteRefused } from './write.js';

/** An error as Office.js raises it at context.sync(): an Error with a code. */
function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, name: 'RichApi.Error' });
}

describe('errorSentence', () => {
  it('says what to do for a renamed or deleted table, a protected sheet, a cell being edited and a request too large', () => {
    expect(errorSentence(officeError('ItemNotFound', 'The requested resource doesn\'t exist.'))).toBe('A sheet or table the add-in needs was not found: it may have been renamed or deleted. Give it its name back or run Set up workbook on the Meeting tab, then try again.');
    expect(errorSentence(officeError('AccessDenied', 'You cannot perform the requested operation.'))).toBe('Excel refused the change: the sheet may be protected or the workbook open read-only. Unprotect the sheet (Review > Unprotect Sheet) or open an editable copy, then try again.');
    expect(errorSentence(officeError('InvalidOperationInCellEditMode', 'x'))).toBe('Excel is busy editing a cell: press Enter or Esc in the grid to finish, then try again.');
    expect(errorSentence(officeError('RequestPayloadSizeLimitExceeded', 'x'))).toBe('That was too much for Excel to take in one go (Excel on the web accepts up to 5 MB per request). Try again with fewer rows.');
  });

  it('keeps an unknown code and Excel\'s message', () => {
    expect(errorSentence(officeError('MergedRangeConflict', 'Cannot merge.'))).toBe('Excel could not do this (MergedRangeConflict): Cannot merge.');
  });

  it('leaves the pane\'s own sentences as they are', () => {
    expect(errorSentence(new WriteRefused('P0002 is no longer on the Participants sheet.'))).toBe('P0002 is no longer on the Participants sheet.');
    expect(errorSentence(new Error('Type the people, one per line.'))).toBe('Type the people, one per line.');
    expect(errorSentence('plain')).toBe('plain');
  });
});
