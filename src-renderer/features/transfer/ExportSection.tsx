import type { ExportFormat } from '../../../shared/transfer/transfer.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { ProgressBar } from '../backup/ProgressBar.tsx';
import { exportFormats, useExport } from './export.store.ts';

/** Export contacts to CSV, vCard, or everything to JSON. */
export function ExportSection() {
  const format = useExport((state) => state.format);
  const running = useExport((state) => state.running);
  const progress = useExport((state) => state.progress);
  const problem = useExport((state) => state.problem);
  return (
    <section className="panel">
      <h2>Export</h2>
      <p className="panel-text">CSV opens in any spreadsheet, vCard in any address book; JSON holds everything Ambassador knows, for another program.</p>
      <div className="toolbar toolbar-bottom">
        <SelectField label="Export format" value={format} options={exportFormats} onChange={(value) => useExport.getState().setFormat(value as ExportFormat)} className="field-inline" />
        <Button onClick={() => void useExport.getState().exportContacts()} disabled={running} aria-busy={running || undefined}>
          Export contacts
        </Button>
      </div>
      {running && <ProgressBar label="Exporting" progress={progress} />}
      {problem && (
        <div className="error-banner" role="alert">
          <p>{`The export was not made: ${problem}`}</p>
        </div>
      )}
    </section>
  );
}
