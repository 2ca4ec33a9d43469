import type { ColumnMapping, DuplicateAction, DuplicateMatch, ImportField, ImportPreview, TextEncoding } from '../../../shared/transfer/transfer.schemas.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { plural } from '../backup/backup-words.ts';
import { ProgressBar } from '../backup/ProgressBar.tsx';
import { useImport } from './import.store.ts';
import { delimiterOptions, duplicateOptions, encodingOptions, fieldOptions, formatWords, rowName } from './import-words.ts';

/** Past this many, the rest follow "For all duplicates" (and the report still lists each one). */
const duplicatesShown = 200;
const invalidShown = 200;

/** The file as it will be saved: how it is read, where each column goes, sample rows, skipped rows, duplicates. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const step = useImport((state) => state.step);
  const previewing = useImport((state) => state.previewing);
  const problem = useImport((state) => state.problem);
  const progress = useImport((state) => state.progress);
  const hasHeader = useImport((state) => state.choices.hasHeader ?? true);
  const importing = step === 'importing';
  const change = useImport.getState().change;
  const willImport = preview.totalRecords - preview.invalid.length;

  return (
    <div className="import-preview" aria-busy={previewing || undefined}>
      <p className="import-file">
        <strong>{preview.file.split(/[\\/]/).pop()}</strong> {`· ${formatWords(preview)}`}
        {preview.photosSkipped > 0 && ` · ${plural(preview.photosSkipped, 'photo')} will be left out`}
      </p>
      <div className="field-row import-reading">
        <SelectField label="Encoding" value={preview.encoding} options={encodingOptions} onChange={(encoding) => void change({ encoding: encoding as TextEncoding })} />
        {preview.format === 'csv' && (
          <>
            <SelectField label="Delimiter" value={preview.delimiter ?? ','} options={delimiterOptions(preview.delimiter)} onChange={(delimiter) => void change({ delimiter })} />
            <label className="checkbox-field">
              <input
                type="checkbox"
                checked={hasHeader}
                onChange={(event) => void change({ hasHeader: event.target.checked })}
              />
              First row names the columns
            </label>
          </>
        )}
      </div>
      {problem && (
        <div className="error-banner" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {preview.format === 'csv' && <ColumnMappingFields preview={preview} />}
      <SampleRows preview={preview} />
      {preview.invalid.length > 0 && (
        <div className="import-block">
          <h3>{`Will be skipped (${preview.invalid.length.toLocaleString()})`}</h3>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {preview.invalid.slice(0, invalidShown).map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.invalid.length > invalidShown && <p className="muted">{`${(preview.invalid.length - invalidShown).toLocaleString()} more are listed in the report.`}</p>}
        </div>
      )}
      {preview.duplicates.length > 0 && <DuplicateChoices preview={preview} />}
      <div className="toolbar">
        <Button variant="primary" onClick={() => void useImport.getState().start()} disabled={importing || previewing || willImport <= 0} aria-busy={importing || undefined}>
          Start import
        </Button>
        <span className="muted">{`${willImport.toLocaleString()} of ${preview.totalRecords.toLocaleString()} can be imported${preview.blankLines > 0 ? ` (${plural(preview.blankLines, 'blank line')} passed over)` : ''}; duplicates follow your choices. Nothing is saved until you start.`}</span>
      </div>
      {importing && <ProgressBar label="Importing" progress={progress} />}
    </div>
  );
}

/** One select per column, labelled by the column's header. */
function ColumnMappingFields({ preview }: { preview: ImportPreview }) {
  const fieldOf = (column: number) => preview.mapping.find((mapped) => mapped.column === column);
  const remap = (column: number, field: ImportField) => {
    const mapping: ColumnMapping[] = preview.columns.map((_, index) =>
      index === column ? { column, field } : (fieldOf(index) ?? { column: index, field: 'skip' as const }),
    );
    void useImport.getState().change({ mapping });
  };
  return (
    <fieldset className="import-block column-mapping">
      <legend>Where each column goes</legend>
      <div className="mapping-grid">
        {preview.columns.map((header, column) => (
          <SelectField
            key={column}
            label={`Map column ${header || `${column + 1}`}`}
            value={fieldOf(column)?.field ?? 'skip'}
            options={fieldOptions}
            onChange={(field) => remap(column, field as ImportField)}
          />
        ))}
      </div>
    </fieldset>
  );
}

function SampleRows({ preview }: { preview: ImportPreview }) {
  if (preview.sample.length === 0) return <p className="section-empty">The file has no rows to import.</p>;
  return (
    <div className="import-block">
      <h3>{`As they will be saved (first ${preview.sample.length.toLocaleString()})`}</h3>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Name</th>
              <th scope="col">Company</th>
              <th scope="col">Emails</th>
              <th scope="col">Phones</th>
              <th scope="col">Tags</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {preview.sample.map(({ line, contact, problems }) => (
              <tr key={line} className={contact ? undefined : 'row-skipped'}>
                <td>{line}</td>
                {contact ? (
                  <>
                    <td>{rowName(contact)}</td>
                    <td>{contact.company}</td>
                    <td>{contact.emails.map((email) => email.value).join(', ')}</td>
                    <td>{contact.phones.map((phone) => phone.value).join(', ')}</td>
                    <td>{contact.tags.join(', ')}</td>
                    <td>{[contact.notes, ...problems].filter(Boolean).join(' · ')}</td>
                  </>
                ) : (
                  <td colSpan={6}>{`Skipped: ${problems.join(' · ')}`}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** "Line 12: Ada Lovelace — same email as Ada Lovelace (ada@example.com)", or "… as line 5, Ada Lovelace (…)" for a row repeating an earlier one. */
function duplicateLabel(match: DuplicateMatch): string {
  const { earlierLine } = match;
  const other = earlierLine === undefined ? match.existing.displayName : `line ${earlierLine}, ${match.existing.displayName}`;
  return `Line ${match.line}: ${match.incomingName} — same ${match.matchedBy} as ${other} (${match.value})`;
}

function DuplicateChoices({ preview }: { preview: ImportPreview }) {
  const duplicates = useImport((state) => state.duplicates);
  const { chooseForAll, chooseForLine } = useImport.getState();
  return (
    <fieldset className="import-block duplicates-choices">
      <legend>{`Already in Ambassador (${preview.duplicates.length.toLocaleString()})`}</legend>
      <SelectField label="For all duplicates" value={duplicates.all} options={duplicateOptions} onChange={(action) => chooseForAll(action as DuplicateAction)} className="field-inline" />
      <ul className="duplicate-lines">
        {preview.duplicates.slice(0, duplicatesShown).map((match) => (
          <li key={match.line}>
            <SelectField
              label={duplicateLabel(match)}
              value={duplicates.byLine[String(match.line)] ?? duplicates.all}
              options={duplicateOptions}
              onChange={(action) => chooseForLine(match.line, action as DuplicateAction)}
            />
          </li>
        ))}
      </ul>
      {preview.duplicates.length > duplicatesShown && (
        <p className="muted">{`${(preview.duplicates.length - duplicatesShown).toLocaleString()} more follow the choice for all duplicates.`}</p>
      )}
    </fieldset>
  );
}
