// The workbook contract: what a meeting workbook holds and how each cell is read. Pure code,
// imported by the template generator, the pipeline and the add-in alike.
export * from './cells.js';
export * from './countries.js';
export * from './sheets.js';
export * from './vocabulary.js';
export * from './layout.js';
