import { Button } from '../../ui/Button.tsx';
import { useTableExport, type InsightsTable } from './table-export.store.ts';

/** Writes one table of the view as CSV; its problem, if any, shows beside it. */
export function ExportButton({ table, children }: { table: InsightsTable; children: string }) {
  const running = useTableExport((state) => state.running);
  const problem = useTableExport((state) => (state.problem?.table === table ? state.problem.message : null));
  return (
    <>
      <Button className="push-right" onClick={() => void useTableExport.getState().exportTable(table)} disabled={running !== null} aria-busy={running === table || undefined}>
        {children}
      </Button>
      {problem && (
        <p className="error-banner export-problem" role="alert">
          {`The table was not exported: ${problem}`}
        </p>
      )}
    </>
  );
}
