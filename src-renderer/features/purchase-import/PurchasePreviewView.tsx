import type { DateOrder, PurchaseColumnMapping, PurchaseImportField, PurchaseImportPreview } from '../../../shared/commerce/purchase-import.schemas.ts';
import type { TextEncoding } from '../../../shared/transfer/transfer.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { plural } from '../backup/backup-words.ts';
import { ProgressBar } from '../backup/ProgressBar.tsx';
import { encodingOptions } from '../transfer/import-words.ts';
import { usePurchaseImport } from './purchase-import.store.ts';
import { dateOrderOptions, fileNameOf, headerOptions, purchaseDelimiterOptions, purchaseFieldOptions } from './purchase-import-words.ts';
import { PurchaseCounts } from './PurchaseCounts.tsx';
import { PurchaseSampleTable } from './PurchaseSampleTable.tsx';

/** The file as it will be saved: how it is read, where each column goes, sample rows, counts, skipped rows, new customers. */
export function PurchasePreviewView({ preview }: { preview: PurchaseImportPreview }) {
  const step = usePurchaseImport((state) => state.step);
  const previewing = usePurchaseImport((state) => state.previewing);
  const problem = usePurchaseImport((state) => state.problem);
  const progress = usePurchaseImport((state) => state.progress);
  const unmatched = usePurchaseImport((state) => state.unmatched);
  // In browser mode the preview's file is the upload's place, which the user never saw: name the file they chose.
  const fileName = usePurchaseImport((state) => state.file?.name) ?? fileNameOf(preview.file);
  const importing = step === 'importing';
  const change = usePurchaseImport.getState().change;
  const willImport = preview.totalRows - preview.invalid.length - (unmatched === 'skip' ? preview.unmatchedRows : 0);

  return (
    <div className="import-preview" aria-busy={previewing || undefined}>
      <p className="import-file">
        <strong>{fileName}</strong> {`· ${plural(preview.totalRows, 'row')}`}
      </p>
      <div className="field-row import-reading">
        <SelectField label="Encoding" value={preview.encoding} options={encodingOptions} onChange={(encoding) => void change({ encoding: encoding as TextEncoding })} />
        <SelectField label="Delimiter" value={preview.delimiter} options={purchaseDelimiterOptions(preview.delimiter)} onChange={(delimiter) => void change({ delimiter })} />
        <SelectField label="Header row" value={preview.hasHeader ? 'yes' : 'no'} options={headerOptions} onChange={(header) => void change({ hasHeader: header === 'yes' })} />
        <SelectField label="Date format" value={preview.dateOrder} options={dateOrderOptions} onChange={(dateOrder) => void change({ dateOrder: dateOrder as DateOrder })} />
      </div>
      {problem && (
        <div className="error-banner" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <ColumnMappingFields preview={preview} />
      <PurchaseSampleTable preview={preview} />
      <PurchaseCounts preview={preview} />
      {preview.unmatchedRows > 0 && <UnmatchedChoice preview={preview} />}
      {willImport <= 0 && (
        <p className="error-banner" role="status">
          Nothing in this file can be imported as it is read now. Check the date format and where each column goes (a date, an amount, and a customer id, email or
          phone), or Cancel and choose another export.
        </p>
      )}
      <div className="toolbar">
        <Button
          variant="primary"
          onClick={() => void usePurchaseImport.getState().start()}
          disabled={importing || previewing || willImport <= 0}
          aria-busy={importing || undefined}
        >
          Start purchase import
        </Button>
        <span className="muted">
          {`${willImport.toLocaleString()} of ${plural(preview.totalRows, 'row')} can be imported${preview.blankLines > 0 ? ` (${plural(preview.blankLines, 'blank line')} passed over)` : ''}. Nothing is saved until you start.`}
        </span>
      </div>
      {importing && <ProgressBar label="Importing purchases" progress={progress} />}
    </div>
  );
}

/** One select per column, labelled by the column's header (or its number when the file has none). */
function ColumnMappingFields({ preview }: { preview: PurchaseImportPreview }) {
  const fieldOf = (column: number) => preview.mapping.find((mapped) => mapped.column === column);
  const remap = (column: number, field: PurchaseImportField) => {
    const mapping: PurchaseColumnMapping[] = preview.columns.map((_, index) =>
      index === column ? { column, field } : (fieldOf(index) ?? { column: index, field: 'skip' as const }),
    );
    void usePurchaseImport.getState().change({ mapping });
  };
  return (
    <fieldset className="import-block column-mapping">
      <legend>Where each column goes</legend>
      <div className="mapping-grid">
        {preview.columns.map((header, column) => (
          <SelectField
            key={column}
            label={header ? `Column “${header}”` : `Column ${column + 1}`}
            value={fieldOf(column)?.field ?? 'skip'}
            options={purchaseFieldOptions}
            onChange={(field) => remap(column, field as PurchaseImportField)}
          />
        ))}
      </div>
    </fieldset>
  );
}

function UnmatchedChoice({ preview }: { preview: PurchaseImportPreview }) {
  const unmatched = usePurchaseImport((state) => state.unmatched);
  const { chooseUnmatched } = usePurchaseImport.getState();
  return (
    <fieldset className="import-block unmatched-choice">
      <legend>{`Customers not in your contacts (${plural(preview.unmatchedCustomers, 'customer')}, ${plural(preview.unmatchedRows, 'row')})`}</legend>
      <label className="checkbox-field">
        <input type="radio" name="purchase-import-unmatched" value="create" checked={unmatched === 'create'} onChange={() => chooseUnmatched('create')} />
        Create a contact for each
      </label>
      <label className="checkbox-field">
        <input type="radio" name="purchase-import-unmatched" value="skip" checked={unmatched === 'skip'} onChange={() => chooseUnmatched('skip')} />
        Skip those rows and report them
      </label>
    </fieldset>
  );
}
