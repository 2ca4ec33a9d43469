import type { ReactNode } from 'react';

/**
 * What a newcomer sees instead of an empty area: what this place is for and what to do next.
 * Deliberately unnamed (no aria-label): a title quoting what the user typed would add one more
 * accessible name that lookups by label could collide with.
 */
export function EmptyState({ title, children, actions }: { title: string; children?: ReactNode; actions?: ReactNode }) {
  return (
    <section className="empty-state">
      <h2>{title}</h2>
      {children && <div className="empty-state-text">{children}</div>}
      {actions && <div className="empty-state-actions">{actions}</div>}
    </section>
  );
}
