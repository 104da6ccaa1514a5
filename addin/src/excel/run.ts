// The one place the pane starts an Excel batch: everything else receives a RequestContext.
import type { ExcelRunner } from '../app/meeting-state.js';

export const excelRunner: ExcelRunner = (batch) => Excel.run(batch);
