import { expect, test, type Page } from '@playwright/test';
import { serveForEachTest } from './served-app.ts';

// Linking people to companies, and searching from a contact's page, in a real
// Chromium against the built app served by `ambassador serve` on a temp data folder.

const served = serveForEachTest('ambassador-e2e-companies-');
const open = served.open;

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search contacts', exact: true });
const companyPicker = (page: Page) => page.getByRole('combobox', { name: 'Company', exact: true });
const people = (page: Page) => page.getByRole('region', { name: 'People', exact: true });

async function addPerson(page: Page, firstName: string, lastName: string): Promise<void> {
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await page.getByRole('button', { name: 'New contact', exact: true }).click();
  await page.getByLabel('First name', { exact: true }).fill(firstName);
  await page.getByLabel('Last name', { exact: true }).fill(lastName);
}

test('create a company from the picker, see the person on its page, and search from a contact page', async ({ page }) => {
  await open(page);

  // A company that does not exist yet is created from the picker and linked.
  await addPerson(page, 'Margaret', 'Hamilton');
  await companyPicker(page).pressSequentially('Apollo Guidance');
  await page.getByRole('option', { name: 'Create company “Apollo Guidance”' }).click();
  await expect(page.getByText('Linked: this person is listed on the company’s page.')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Margaret Hamilton' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Apollo Guidance' })).toBeVisible();

  // An existing company is found as you type and picked with the keyboard.
  await addPerson(page, 'Jack', 'Garman');
  await companyPicker(page).pressSequentially('apollo');
  await expect(page.getByRole('option', { name: 'Apollo Guidance', exact: true })).toBeVisible();
  await companyPicker(page).press('ArrowDown');
  await companyPicker(page).press('Enter');
  await expect(companyPicker(page)).toHaveValue('Apollo Guidance');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Jack Garman' })).toBeVisible();

  // From Jack's page (no list in sight), search finds the company; the page lists both people.
  await searchBox(page).fill('Apollo');
  await page.getByRole('option', { name: /^Apollo Guidance/ }).click();
  await expect(page.getByRole('heading', { name: 'Apollo Guidance', exact: true })).toBeVisible();
  await expect(people(page).getByText('2 people')).toBeVisible();
  await expect(people(page).getByRole('link')).toHaveText(['Jack Garman', 'Margaret Hamilton']);

  await people(page).getByRole('link', { name: 'Margaret Hamilton' }).click();
  await expect(page.getByRole('heading', { name: 'Margaret Hamilton' })).toBeVisible();

  // Ctrl+K from the contact page, arrow keys and Enter open a result; Esc clears without leaving.
  await page.keyboard.press('Control+k');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('Garman');
  await expect(page.getByRole('option', { name: /Jack Garman/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Jack Garman' })).toBeVisible();
  await expect(searchBox(page)).toHaveValue('');

  // Esc in the empty box only leaves the box; then / brings it back.
  await page.keyboard.press('Escape');
  await expect(searchBox(page)).not.toBeFocused();
  await expect(page.getByRole('heading', { name: 'Jack Garman' })).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('zzyzx');
  await expect(page.getByText('No contacts match “zzyzx”')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(searchBox(page)).toHaveValue('');
  await expect(page.getByRole('heading', { name: 'Jack Garman' })).toBeVisible();
});
