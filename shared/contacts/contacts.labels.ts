import type { FieldLabels } from '../api/slices.ts';

/** The contact form's fields as the user knows them. */
export const contactsFieldLabels = {
  kind: 'Type',
  firstName: 'First name',
  lastName: 'Last name',
  company: 'Company',
  companyId: 'Company',
  stage: 'Loyalty stage',
  tier: 'CLV tier',
  emails: 'Email',
  phones: 'Phone',
  address: 'Address',
  birthday: 'Birthday',
  notes: 'Notes',
  tags: 'Tags',
  preferredChannel: 'Preferred channel',
  preferredTime: 'Preferred time',
  keepInTouchDays: 'Keep in touch',
  doNotContactAutomatically: 'Do not contact automatically',
  query: 'Search',
  id: 'Contact',
} as const satisfies FieldLabels;
