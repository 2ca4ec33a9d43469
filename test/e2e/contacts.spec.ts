import { expect, test, type Page } from '@playwright/test';
import { serveForEachTest } from './served-app.ts';

// A new user's first session, in a real Chromium against the built app served by
// `ambassador serve` on a temp data folder.

const served = serveForEachTest('ambassador-e2e-');
const open = served.open;

const searchBox = (page: Page) => page.getByLabel('Search contacts', { exact: true });
const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });

test('create, find by email and by phone, edit, delete, restore, and still there after a restart', async ({ page }) => {
  await open(page);
  expect(page.url()).not.toContain('token=');

  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByText('Added 50 sample contacts')).toBeVisible();

  await page.getByRole('button', { name: 'New contact', exact: true }).click();
  await page.getByLabel('First name', { exact: true }).fill('Margaret');
  await page.getByLabel('Last name', { exact: true }).fill('Hamilton');
  await page.getByLabel('Company', { exact: true }).fill('Instrumentation Lab');
  await page.getByLabel('Email', { exact: true }).fill('margaret@apollo-guidance.example');
  await page.getByLabel('Phone', { exact: true }).fill('+1 (617) 253-4127');
  await page.getByLabel('Tags', { exact: true }).fill('vip, apollo');
  await page.getByLabel('Notes', { exact: true }).fill('Send a handwritten thank-you after the launch.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Margaret Hamilton' })).toBeVisible();

  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await searchBox(page).fill('apollo-gui');
  await expect(row(page, 'Margaret Hamilton')).toBeVisible();
  await expect(page.getByRole('row').filter({ has: page.getByRole('gridcell') })).toHaveCount(1);
  await searchBox(page).fill('253-41');
  await expect(row(page, 'Margaret Hamilton')).toBeVisible();
  await searchBox(page).fill('2534127');
  await expect(row(page, 'Margaret Hamilton')).toBeVisible();

  await row(page, 'Margaret Hamilton').click();
  await page.getByLabel('Company', { exact: true }).fill('NASA');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByLabel('Company', { exact: true })).toHaveValue('NASA');
  await page.reload();
  await expect(page.getByLabel('Company', { exact: true })).toHaveValue('NASA');

  // Esc with unsaved notes keeps them as a draft; reopening the contact brings them back.
  const notes = page.getByLabel('Notes', { exact: true });
  await notes.fill('Send a handwritten thank-you after the launch. Ask about the next mission.');
  await notes.press('Escape');
  await expect(page.getByText('Your unsaved changes to Margaret Hamilton are kept')).toBeVisible();
  await searchBox(page).fill('Hamilton');
  await row(page, 'Margaret Hamilton').click();
  await expect(page.getByText('You have unsaved changes.')).toBeVisible();
  await expect(notes).toHaveValue('Send a handwritten thank-you after the launch. Ask about the next mission.');
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(notes).toHaveValue('Send a handwritten thank-you after the launch.');
  await expect(page.getByText('You have unsaved changes.')).toHaveCount(0);

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('Moved Margaret Hamilton to Trash')).toBeVisible();
  await searchBox(page).fill('Hamilton');
  await expect(page.getByText('No contacts match “Hamilton”')).toBeVisible();

  await page.getByRole('link', { name: 'Trash' }).click();
  await row(page, 'Margaret Hamilton').getByRole('button', { name: 'Restore' }).click();
  await expect(row(page, 'Margaret Hamilton')).toHaveCount(0);
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await searchBox(page).fill('Hamilton');
  await expect(row(page, 'Margaret Hamilton')).toContainText('NASA');

  await served.stop();
  await open(page);
  await searchBox(page).fill('margaret@');
  await expect(row(page, 'Margaret Hamilton')).toContainText('NASA');
});

test('Undo brings a deleted contact straight back', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'New contact', exact: true }).click();
  await page.getByLabel('First name', { exact: true }).fill('Grace');
  await page.getByLabel('Last name', { exact: true }).fill('Hopper');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await searchBox(page).fill('Hopper');
  await expect(row(page, 'Grace Hopper')).toBeVisible();
  await page.getByRole('link', { name: 'Trash' }).click();
  await expect(page.getByRole('heading', { name: 'Trash is empty' })).toBeVisible();
});

test('an invalid email is explained beside the field and nothing is saved', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'New contact', exact: true }).click();
  await page.getByLabel('First name', { exact: true }).fill('Alan');
  await page.getByLabel('Email', { exact: true }).fill('alan-at-bletchley');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Enter an email address like name@example.com.')).toBeVisible();
  await expect(page.getByLabel('Email', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
});

test('a page opened without the access key says what to do', async ({ page }) => {
  const app = await served.serve();
  await page.goto(`${app.origin}/#token=${'0'.repeat(32)}`);
  await expect(page.getByText(/access key is missing or out of date/)).toBeVisible();
});
