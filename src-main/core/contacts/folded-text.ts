/**
 * Text as search and sorting compare it: accents removed and lower case, so
 * "ang" finds Ángel and Ángel sorts among the A's. The trigram index folds
 * accents itself, but short searches and name sorting go around it.
 */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}
