import { memo, type KeyboardEvent } from 'react';
import type { ContactSummary } from '../../../shared/contacts/contacts.schemas.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

type ContactRowProps = {
  index: number;
  contact: ContactSummary | undefined;
  /** Where the row sits in the scrolled body, in pixels from its top. */
  top: number;
  height: number;
  tabbable: boolean;
  onOpen: (index: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>, index: number) => void;
};

/**
 * One list row; while its page is still loading it holds the place, so scrolling never jumps.
 * Memoized: a scroll or a keystroke re-renders only the rows whose contact or place changed.
 */
export const ContactRow = memo(function ContactRow({ index, contact, top, height, tabbable, onOpen, onKeyDown }: ContactRowProps) {
  const common = {
    role: 'row',
    'aria-rowindex': index + 2,
    'data-index': index,
    tabIndex: tabbable ? 0 : -1,
    style: { position: 'absolute', top: 0, left: 0, right: 0, height, transform: `translateY(${top}px)` } as const,
    onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => onKeyDown(event, index),
  };
  if (!contact) {
    return (
      <div {...common} className="grid-row grid-row-loading" aria-busy="true">
        <span role="gridcell" className="skeleton">
          Loading…
        </span>
      </div>
    );
  }
  return (
    <div {...common} className="grid-row" onClick={() => onOpen(index)}>
      <span role="gridcell" className="cell-name">
        <span className={`kind-badge kind-${contact.kind}`} aria-hidden="true">
          {contact.kind === 'company' ? '▣' : '●'}
        </span>
        {contact.displayName}
      </span>
      <span role="gridcell">{contact.company}</span>
      <span role="gridcell">{contact.primaryEmail ?? ''}</span>
      <span role="gridcell">{contact.primaryPhone ?? ''}</span>
      <span role="gridcell" className="cell-tags">
        {contact.tags.map((tag) => (
          <span key={tag} className="chip">
            {tag}
          </span>
        ))}
      </span>
      <span role="gridcell" className="cell-updated">
        <time dateTime={contact.updatedAt}>{formatDay(contact.updatedAt)}</time>
      </span>
    </div>
  );
});
