import type { ContactSort } from '../../../shared/contacts/contacts.schemas.ts';

/** Where a row sits in a list order: its sort value and id. */
export type PagePosition = { key: string; id: string };

// A virtualized list asks for windows by row offset. SQLite can only count its
// way to an offset, so each list remembers where the windows it served began
// and ended: the next window near one of them starts there, by key, and counts
// only the rows in between. A remembered position is right only as long as
// nothing was written: `edition` names the database's state (every write
// changes it), and a list whose edition differs forgets everything it knew.

const listsKept = 16;
const positionsKept = 4096;

type ListPositions = Map<number, PagePosition>;

export type ListAnchors = {
  /** The position of the row at `offset`, if known. */
  at(offset: number): PagePosition | undefined;
  /** The known position nearest before `offset` (at most `offset`), if any. */
  before(offset: number): { offset: number; position: PagePosition } | undefined;
  remember(offset: number, position: PagePosition): void;
};

export type AnchorBook = { edition: string; lists: Map<string, ListPositions> };

/** Which list, in which order: the anchors of one never serve another. */
export function listName(sort: ContactSort, filter: { tag?: string | undefined; companyId?: string | undefined; stage?: string | undefined; tier?: string | undefined }): string {
  return JSON.stringify([sort, filter.tag?.toLowerCase(), filter.companyId, filter.stage, filter.tier]);
}

/** The anchors of `list` as of `edition`: the book is emptied first when the database changed since. */
export function anchorsFor(book: AnchorBook, edition: string, list: string): ListAnchors {
  if (book.edition !== edition) {
    book.edition = edition;
    book.lists.clear();
  }
  let positions = book.lists.get(list);
  if (!positions) {
    if (book.lists.size >= listsKept) book.lists.delete(book.lists.keys().next().value!);
    positions = new Map();
    book.lists.set(list, positions);
  }
  const known = positions;
  return {
    at: (offset) => known.get(offset),
    before: (offset) => {
      let best: { offset: number; position: PagePosition } | undefined;
      for (const [at, position] of known) if (at <= offset && (!best || at > best.offset)) best = { offset: at, position };
      return best;
    },
    remember: (offset, position) => {
      if (known.size >= positionsKept) known.clear();
      known.set(offset, position);
    },
  };
}
