// Turns what an Excel batch throws into one sentence that says what to do. Office.js errors carry a
// `code` from Excel.ErrorCodes / OfficeExtension.ErrorCodes (never localised) and a `message` that
// Microsoft says is not meant for end users; an unknown code stays in the sentence for support.
// Sources: https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
// and https://learn.microsoft.com/javascript/api/excel/excel.errorcodes

const SENTENCES: Readonly<Record<string, string>> = {
  ItemNotFound: 'A sheet or table the add-in needs was not found: it may have been renamed or deleted. Give it its name back or run Set up workbook on the Meeting tab, then try again.',
  InvalidReference: 'A sheet or table the add-in needs was not found: it may have been renamed or deleted. Give it its name back or run Set up workbook on the Meeting tab, then try again.',
  AccessDenied: 'Excel refused the change: the sheet may be protected or the workbook open read-only. Unprotect the sheet (Review > Unprotect Sheet) or open an editable copy, then try again.',
  InvalidOperationInCellEditMode: 'Excel is busy editing a cell: press Enter or Esc in the grid to finish, then try again.',
  RequestPayloadSizeLimitExceeded: 'That was too much for Excel to take in one go (Excel on the web accepts up to 5 MB per request). Try again with fewer rows.',
  ResponsePayloadSizeLimitExceeded: 'The workbook is too large for Excel to send in one go. Try again; if it persists, split the meeting into smaller workbooks.',
  ActivityLimitReached: 'Excel is handling too many requests right now. Wait a moment, then try again.',
  RequestAborted: 'Excel stopped the request before it finished. Try again.',
  ServiceNotAvailable: 'Excel is not answering right now. Wait a moment, then try again.',
  Unauthenticated: 'Excel needs you to sign in again. Sign in, then try again.',
  InsertDeleteConflict: 'Someone inserted or deleted cells where the add-in was writing. Try again.',
  Conflict: 'Someone changed the workbook at the same moment. Try again.',
};

/**
 * The sentence the status line shows for an error thrown by an action.
 *
 * - An Office error with a known `code` (table renamed or deleted: ItemNotFound; protected sheet or
 *   read-only workbook: AccessDenied; cell in edit mode: InvalidOperationInCellEditMode; request too
 *   large: RequestPayloadSizeLimitExceeded; ...) gives a sentence that says what to do.
 * - An Office error with another code: "Excel could not do this (CODE): message".
 * - The pane's own errors (WriteRefused, validation sentences) are already sentences: kept as they are.
 */
export function errorSentence(e: unknown): string {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  const message = e instanceof Error ? e.message : String(e);
  if (typeof code !== 'string' || code === '') return message;
  return SENTENCES[code] ?? `Excel could not do this (${code}): ${message}`;
}
