import type { ContactFields } from '../../../shared/contacts/contacts.schemas.ts';
import type { DuplicateAction, DuplicateMatch, ImportReport, PreviewRow } from '../../../shared/transfer/transfer.schemas.ts';
import { checkContactFields } from '../contacts/contacts.service.ts';
import { combineFields, matchKeys } from '../duplicates/duplicates.service.ts';
import type { ContactRecord } from './contact-file.ts';

/** A contact an incoming row can match: one already saved, or one an earlier row of the file creates. */
export type Target = { id: string; displayName: string; earlierLine: number | null };

export type ReportRow = ImportReport['rows'][number];

export type ImportPlan = {
  /** Every record, in file order: what becomes of it. */
  rows: ReportRow[];
  /** New contacts with their final fields (rows of the file merged into them included). */
  creates: Array<{ id: string; fields: ContactFields }>;
  /** Rows to merge into contacts already saved, by contact id, in file order. */
  mergesInto: Map<string, Array<{ row: ReportRow; fields: ContactFields }>>;
  invalid: Array<{ line: number; reason: string }>;
  duplicates: DuplicateMatch[];
  sample: PreviewRow[];
};

const sampleSize = 20;

function matchReason(by: 'email' | 'phone', value: string, target: Target): string {
  return target.earlierLine === null ? `same ${by} as ${target.displayName} (${value})` : `same ${by} as line ${target.earlierLine} (${target.displayName})`;
}

function picked(fields: ContactFields): NonNullable<PreviewRow['contact']> {
  const { kind, firstName, lastName, company, emails, phones, address, birthday, notes, tags } = fields;
  return { kind, firstName, lastName, company, emails, phones, address, birthday, notes, tags };
}

/**
 * Decides, without writing, what becomes of every record: skipped when it
 * cannot be saved (with the first problem, in the form's words) or when it
 * repeats a contact and the user chose skip; merged into that contact when they
 * chose merge; created otherwise. A row matches by any email first, then any
 * phone (duplicate-keys.ts), against the saved contacts in `existing` and the
 * contacts earlier rows of the file create. Preview and import share it, so the
 * preview shows exactly what the import does.
 */
export function planImport(
  records: ContactRecord[],
  existing: Map<string, Target>,
  options: { decide: (line: number) => DuplicateAction; tag?: string | undefined; newId: () => string },
): ImportPlan {
  const plan: ImportPlan = { rows: [], creates: [], mergesInto: new Map(), invalid: [], duplicates: [], sample: [] };
  const inFile = new Map<string, Target & { create: { id: string; fields: ContactFields } }>();
  const skip = (line: number, name: string, reason: string) => {
    plan.rows.push({ line, outcome: 'skipped', name, contactId: null, reason });
  };
  for (const record of records) {
    const { line, name } = record;
    if ('problem' in record) {
      skip(line, name, record.problem);
      plan.invalid.push({ line, reason: record.problem });
      if (plan.sample.length < sampleSize) plan.sample.push({ line, contact: null, problems: [record.problem] });
      continue;
    }
    const tags = options.tag ? [...(record.fields.tags ?? []), options.tag] : record.fields.tags;
    const checked = checkContactFields({ ...record.fields, companyId: null, tags });
    if ('problem' in checked) {
      skip(line, name, checked.problem);
      plan.invalid.push({ line, reason: checked.problem });
      if (plan.sample.length < sampleSize) plan.sample.push({ line, contact: null, problems: [checked.problem] });
      continue;
    }
    const { fields } = checked;
    if (plan.sample.length < sampleSize) plan.sample.push({ line, contact: picked(fields), problems: record.leftOut });
    const keys = matchKeys(fields);
    const found = keys.map((key) => ({ key, target: existing.get(key.key) ?? inFile.get(key.key) })).find((each) => each.target !== undefined);
    const register = (target: Target & { create: { id: string; fields: ContactFields } }) => {
      for (const { key } of keys) if (!existing.has(key) && !inFile.has(key)) inFile.set(key, target);
    };
    const createNew = (reason: string | null) => {
      const create = { id: options.newId(), fields };
      plan.creates.push(create);
      plan.rows.push({ line, outcome: 'created', name, contactId: create.id, reason });
      register({ id: create.id, displayName: name, earlierLine: line, create });
    };
    if (!found?.target) {
      createNew(null);
      continue;
    }
    const { key, target } = found as { key: (typeof keys)[number]; target: Target };
    const reason = matchReason(key.by, key.value, target);
    plan.duplicates.push({
      line,
      incomingName: name,
      existing: { id: target.earlierLine === null ? target.id : '', displayName: target.displayName },
      matchedBy: key.by,
      value: key.value,
      ...(target.earlierLine === null ? {} : { earlierLine: target.earlierLine }),
    });
    const action = options.decide(line);
    if (action === 'skip') skip(line, name, reason);
    else if (action === 'create') createNew(`${reason}; created as a new contact`);
    else if (target.earlierLine === null) {
      const row: ReportRow = { line, outcome: 'merged', name, contactId: target.id, reason };
      plan.rows.push(row);
      plan.mergesInto.set(target.id, [...(plan.mergesInto.get(target.id) ?? []), { row, fields }]);
      // Its other emails and phones now belong to that contact too: later rows with them match it.
      for (const each of keys) if (!existing.has(each.key) && !inFile.has(each.key)) existing.set(each.key, target);
    } else {
      const pending = inFile.get(key.key)!;
      const merged = checkContactFields(combineFields(pending.create.fields, fields).fields);
      if ('problem' in merged) skip(line, name, `${reason}, but together they would be too much for one contact: ${merged.problem}`);
      else {
        pending.create.fields = merged.fields;
        plan.rows.push({ line, outcome: 'merged', name, contactId: pending.id, reason });
        register(pending);
      }
    }
  }
  return plan;
}
