import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ContactSummary } from '../../../shared/contacts/contacts.schemas.ts';
import { ContactRow } from './ContactRow.tsx';

export const rowHeight = 48;

type ContactGridProps = {
  label: string;
  /** For search results, the query they answer (it may trail the text typed by one search): read by the UI bench. */
  answers?: string;
  count: number;
  rowAt: (index: number) => ContactSummary | undefined;
  onOpen: (id: string) => void;
  /** Told which rows are on screen (plus overscan), so their pages can be fetched. */
  onRangeChange?: (first: number, last: number) => void;
  /** Where to start scrolled to, asked once when the grid appears. */
  initialOffset?: () => number;
  onScrolled?: (offset: number) => void;
};

/** A virtualized grid: only the rows on screen exist in the DOM, whatever `count` is. */
export function ContactGrid({ label, answers, count, rowAt, onOpen, onRangeChange, initialOffset, onScrolled }: ContactGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const pendingFocus = useRef(false);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 5,
    initialOffset: initialOffset ?? 0,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => onRangeChange?.(first, last), [first, last, onRangeChange]);

  useEffect(() => {
    if (!pendingFocus.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"]`);
    if (row) {
      pendingFocus.current = false;
      row.focus({ preventScroll: true });
    }
  }, [focusIndex, first, last]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    pendingFocus.current = true;
    setFocusIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const open = (index: number) => {
    setFocusIndex(index);
    const contact = rowAt(index);
    if (contact) onOpen(contact.id);
  };

  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
  const keyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageRows,
      PageUp: index - pageRows,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(index);
    }
  };

  // The rows get handlers that never change, calling this render's: a memoized row then re-renders only when its own data does.
  const latest = useRef({ open, keyDown });
  useEffect(() => {
    latest.current = { open, keyDown };
  });
  const onRowOpen = useCallback((index: number) => latest.current.open(index), []);
  const onRowKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>, index: number) => latest.current.keyDown(event, index), []);

  const tabbableIndex = focusIndex >= first && focusIndex <= last ? focusIndex : first;
  return (
    <div role="grid" aria-label={label} aria-rowcount={count + 1} className="grid" data-answers={answers}>
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row">
          <span role="columnheader">Name</span>
          <span role="columnheader">Company</span>
          <span role="columnheader">Email address</span>
          <span role="columnheader">Phone number</span>
          <span role="columnheader">Tags</span>
          <span role="columnheader">Last updated</span>
        </div>
      </div>
      <div
        ref={scrollRef}
        role="rowgroup"
        className="grid-body"
        data-testid="contact-grid-scroll"
        onScroll={onScrolled && ((event) => onScrolled(event.currentTarget.scrollTop))}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <ContactRow
              key={item.key}
              index={item.index}
              contact={rowAt(item.index)}
              tabbable={item.index === tabbableIndex}
              top={item.start}
              height={rowHeight}
              onOpen={onRowOpen}
              onKeyDown={onRowKeyDown}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
