import type { ReactNode } from 'react';
import type { DrillDown } from '../../../shared/insights/insights.schemas.ts';
import { useDrill } from './drill.store.ts';

/** A figure that opens its contacts: the panel "Customers: <title>". */
export function DrillButton({ drill, title, label, children }: { drill: DrillDown; title: string; label?: string; children: ReactNode }) {
  return (
    <button type="button" className="drill" aria-label={label} onClick={(event) => useDrill.getState().open(drill, title, event.currentTarget)}>
      {children}
    </button>
  );
}
