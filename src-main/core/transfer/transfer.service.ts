// Moving contacts in and out: the import (transfer.import.ts), the exports
// (transfer.export.ts) and the full JSON export's loader (json-export.ts).
export { importContacts, listImports, previewImport, undoImport } from './transfer.import.ts';
export { exportContacts } from './transfer.export.ts';
export { loadJsonExport } from './json-export.ts';
// Other files Ambassador exports (the calendar) are written the same way: whole or not at all.
export { writeFileWhole } from './export-file.ts';
// The file reading the purchases import shares with the contact import.
export { decodeText } from './text-encoding.ts';
export { guessDelimiter } from './csv-delimiter.ts';
export { eachCsvRow, type CsvRow } from './csv-reading.ts';
// The Insights view's exports are written the same way as the contacts' CSV: formula-safe cells, and the exports folder beside the data.
export { guardFormula } from './formula-guard.ts';
export { databaseFolder } from './transfer.repository.ts';
