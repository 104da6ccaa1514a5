// The Excel API requirement set the add-in's code uses: list data validation (setup) needs 1.8,
// everything else (tables, charts, getItemOrNullObject, suspendApiCalculationUntilNextSync) is older.
// manifest.xml's Requirements element declares the same level; a test keeps them equal.
export const EXCEL_API_LEVEL = '1.8';
