import type { PurchaseImportReport, PurchasePreviewRow } from '../../../shared/commerce/purchase-import.schemas.ts';
import type { ContactFields } from '../../../shared/contacts/contacts.schemas.ts';
import { checkContactFields } from '../contacts/contacts.service.ts';
import { emailKey, phoneKey } from '../duplicates/duplicates.service.ts';
import { customerOf, type PurchaseRecord, type RecordProblem } from './purchase-records.ts';

/** A contact a row can belong to: saved already, or made by an earlier row of this import. */
export type Customer = { id: string; name: string; isNew: boolean };

/** Saved contacts by customer number, email key and phone key. */
export type KnownCustomers = { byRef: Map<string, Customer>; byEmail: Map<string, Customer>; byPhone: Map<string, Customer> };

type MatchedBy = 'customerId' | 'email' | 'phone' | 'new';
type ReportRow = PurchaseImportReport['rows'][number];

export type PurchasePlan = {
  /** Rows to save, in file order, with their contact. */
  purchases: Array<{ record: PurchaseRecord; contactId: string; matchedBy: MatchedBy }>;
  creates: Array<{ id: string; fields: ContactFields }>;
  /** Customer numbers to record: each points at the contact it matched or made. */
  refs: Map<string, string>;
  rows: ReportRow[];
  invalid: Array<{ line: number; reason: string }>;
  matched: { customerId: number; email: number; phone: number };
  unmatchedRows: number;
  sample: PurchasePreviewRow[];
};

const sampleSize = 20;

/** The new contact's name: the file's name column, else the email, else the customer number. */
function newContactFields(record: PurchaseRecord): ContactFields {
  const words = record.name.split(/\s+/).filter((word) => word !== '');
  const name = words.length > 1 ? { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1)! } : { firstName: words[0] ?? '', lastName: '' };
  if (name.firstName === '') name.firstName = record.email || `Customer ${record.customerId || record.phone}`;
  const emails = record.email === '' ? [] : [{ label: 'work', value: record.email, primary: true }];
  const phones = record.phone === '' ? [] : [{ label: 'mobile', value: record.phone, primary: true }];
  const checked = checkContactFields({ ...name, emails, phones });
  if ('fields' in checked) return checked.fields;
  // An email or phone the form would refuse is left out rather than losing the customer.
  const plain = checkContactFields({ ...name, firstName: name.firstName.slice(0, 100), lastName: name.lastName.slice(0, 100) });
  return 'fields' in plain ? plain.fields : (checkContactFields({ firstName: `Customer ${record.customerId}`.slice(0, 100) }) as { fields: ContactFields }).fields;
}

/**
 * Decides, without writing, whose each row is: by email, then phone, then
 * customer number, against saved contacts and the contacts earlier rows make. Preview
 * and import share it so the preview shows what the import does.
 */
export function planPurchases(
  records: Array<PurchaseRecord | RecordProblem>,
  known: KnownCustomers,
  options: { unmatched: 'create' | 'skip'; newId: () => string },
): PurchasePlan {
  const plan: PurchasePlan = { purchases: [], creates: [], refs: new Map(), rows: [], invalid: [], matched: { customerId: 0, email: 0, phone: 0 }, unmatchedRows: 0, sample: [] };
  const byRef = new Map(known.byRef);
  const byEmail = new Map(known.byEmail);
  const byPhone = new Map(known.byPhone);
  for (const record of records) {
    // Only the first rows are shown: the rest make no preview row at all.
    const preview = (row: Omit<PurchasePreviewRow, 'line' | 'customer'>) => {
      plan.sample.push({ line: record.line, customer: 'problem' in record ? record.customer : customerOf(record), ...row });
    };
    const showing = plan.sample.length < sampleSize;
    if ('problem' in record) {
      plan.invalid.push({ line: record.line, reason: record.problem });
      plan.rows.push({ line: record.line, outcome: 'skipped', contactId: null, matchedBy: null, reason: record.problem });
      if (showing) preview({ matchedBy: null, contactName: null, occurredOn: null, kind: null, grossCents: null, discountCents: null, problem: record.problem });
      continue;
    }
    const email = record.email === '' ? '' : emailKey(record.email);
    const phone = record.phone === '' ? null : phoneKey(record.phone);
    // An email or phone names one person; a customer id may be shared (a household, a mis-mapped column), so it comes last.
    let matchedBy: MatchedBy = 'email';
    let customer = email === '' ? undefined : byEmail.get(email);
    if (!customer && phone !== null) [customer, matchedBy] = [byPhone.get(phone), 'phone'];
    if (!customer && record.customerId !== '') [customer, matchedBy] = [byRef.get(record.customerId), 'customerId'];
    if (customer?.isNew) matchedBy = 'new';
    if (!customer) {
      plan.unmatchedRows += 1;
      if (options.unmatched === 'skip') {
        const reason = `Line ${record.line}: no contact has ${customerOf(record)}. Add the contact first, or choose “Create a contact for each”.`;
        plan.rows.push({ line: record.line, outcome: 'skipped', contactId: null, matchedBy: null, reason });
        if (showing) preview({ matchedBy: null, contactName: null, occurredOn: record.occurredOn, kind: record.kind, grossCents: record.grossCents, discountCents: record.discountCents, problem: reason });
        continue;
      }
      const fields = newContactFields(record);
      customer = { id: options.newId(), name: [fields.firstName, fields.lastName].filter(Boolean).join(' '), isNew: true };
      plan.creates.push({ id: customer.id, fields });
      matchedBy = 'new';
      plan.rows.push({ line: record.line, outcome: 'imported', contactId: customer.id, matchedBy, reason: `New contact ${customer.name}` });
    } else if (!customer.isNew) plan.matched[matchedBy as 'customerId' | 'email' | 'phone'] += 1;
    else plan.unmatchedRows += 1;
    // Later rows of the same customer find this contact, whichever of their keys they carry. A customer id
    // already pointing at someone stays there: a row found by its email must not pull the id to another contact.
    if (record.customerId !== '' && !byRef.has(record.customerId)) {
      byRef.set(record.customerId, customer);
      plan.refs.set(record.customerId, customer.id);
    }
    if (email !== '' && !byEmail.has(email)) byEmail.set(email, customer);
    if (phone !== null && !byPhone.has(phone)) byPhone.set(phone, customer);
    plan.purchases.push({ record, contactId: customer.id, matchedBy });
    if (showing) preview({ matchedBy, contactName: customer.name, occurredOn: record.occurredOn, kind: record.kind, grossCents: record.grossCents, discountCents: record.discountCents, problem: null });
  }
  return plan;
}
