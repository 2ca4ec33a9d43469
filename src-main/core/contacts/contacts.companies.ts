import { AppError } from '../../../shared/api/errors.ts';
import { contactsFieldLabels } from '../../../shared/contacts/contacts.labels.ts';
import type { ContactFields } from '../../../shared/contacts/contacts.schemas.ts';
import type { Db } from '../db/handle.ts';
import { reindexCompany } from './contacts-search.repository.ts';
import { countLinkedPeople, findContactById, setCompanyTextOfPeople } from './contacts.repository.ts';
import type { ContactRow } from './contacts.table.ts';

function refuse(path: 'companyId' | 'kind', problem: string): never {
  throw new AppError('VALIDATION', `${contactsFieldLabels[path]}: ${problem}`, { fields: [{ path, message: problem }] });
}

/**
 * A person may belong to a company: a new link must be to a company that is not
 * in the Trash. A link that is already there is kept as it is, so trashing a
 * company never makes its people impossible to edit. A linked person's company
 * text is the company's name, whatever the form sent, so the two never disagree.
 */
export async function checkCompanyLink(db: Db, fields: ContactFields, current?: ContactRow): Promise<ContactFields> {
  if (fields.companyId === null) return fields;
  if (fields.kind === 'company') refuse('companyId', 'Only a person can belong to a company. Remove the company link, or make this contact a person.');
  const company = await findContactById(db, fields.companyId);
  const linkedBefore = current !== undefined && current.company_id === fields.companyId;
  if (!company) refuse('companyId', 'That company is not in your contacts any more. Choose another company.');
  if (company.deleted_at !== null && !linkedBefore) {
    refuse('companyId', 'That company is in the Trash. Restore it first, or choose another company.');
  }
  if (company.kind !== 'company') refuse('companyId', 'Choose a company, not a person.');
  return { ...fields, company: company.display_name };
}

/** A company with people linked to it stays a company: a person cannot have staff. */
export async function checkKindChange(db: Db, current: ContactRow, fields: ContactFields): Promise<void> {
  if (current.kind !== 'company' || fields.kind === 'company') return;
  const linked = await countLinkedPeople(db, current.id);
  if (linked === 0) return;
  const who = linked === 1 ? 'One person is' : `${linked} people are`;
  refuse('kind', `${who} linked to this company. Link them to another company first, or keep this a company.`);
}

/**
 * After a company is renamed, its people show and are found by the new name. Their
 * `updated_at` stays: the company text follows the link (every save sets it again),
 * so someone editing one of them meanwhile is not told of a conflict they cannot see.
 * Runs inside the rename's write; returns the ids of the people whose company text changed.
 */
export async function followCompanyRename(db: Db, company: ContactRow): Promise<string[]> {
  const people = await setCompanyTextOfPeople(db, company.id, company.display_name);
  // People in the Trash have no search entry; restoring one indexes it afresh.
  await reindexCompany(db, people.filter((person) => person.deleted_at === null).map((person) => person.num), company.display_name);
  return people.map((person) => person.id);
}
