/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, even
 * after leading spaces, and treat the full-width ＝＋－＠ the same. csv-stringify's `escape_formulas`
 * misses the leading-space case, so every value is guarded here first: a leading apostrophe makes
 * the spreadsheet show it as text. Values that already start with apostrophes before such a
 * character get one more, so reading strips exactly one and gives back what was written.
 */
const FORMULA_START = /^'*[\s\u3000]*[=+\-@\t\r＝＋－＠]/;
const GUARDED = /^'('*[\s\u3000]*[=+\-@\t\r＝＋－＠])/;

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** What guardFormula was given, for values read back from our own export. */
export function unguardFormula(value: string): string {
  return value.replace(GUARDED, '$1');
}
