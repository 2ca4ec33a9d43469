import { expect, test, type Page } from '@playwright/test';
import { serveForEachTest } from './served-app.ts';

// The agent's story from issue 8, in a real Chromium against the built app served
// by `ambassador serve` on a temp data folder, restarted on the same folder.

const served = serveForEachTest('ambassador-today-');

const localDate = (daysFromToday: number) => {
  const date = new Date();
  date.setDate(date.getDate() + daysFromToday);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

const history = (page: Page) => page.getByRole('region', { name: 'History', exact: true });
/** A Today section, found by its heading. */
const section = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });

/** Back to a contact's page by its address (the token stays with the page, not the URL). */
async function openContact(page: Page, contactUrl: string) {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, new URL(contactUrl).hash);
}

async function addFollowup(page: Page, type: string, title: string, dueDate: string, prompt: string) {
  await page.getByRole('button', { name: 'Add follow-up', exact: true }).click();
  await page.getByRole('combobox', { name: 'Follow-up type' }).selectOption({ label: type });
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Due date', { exact: true }).fill(dueDate);
  await page.getByLabel('Prompt', { exact: true }).fill(prompt);
  await page.getByRole('button', { name: 'Save follow-up', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Follow-ups' }).getByText(title, { exact: true })).toBeVisible();
}

test('log a call, plan a note and a call, work through Today, and lose nothing across a restart', async ({ page }) => {
  await served.open(page);

  await page.getByRole('button', { name: 'New contact', exact: true }).click();
  await page.getByLabel('First name', { exact: true }).fill('Ada');
  await page.getByLabel('Last name', { exact: true }).fill('Lovelace');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
  const contactUrl = page.url();

  await page.getByRole('button', { name: 'Log interaction', exact: true }).click();
  await page.getByRole('combobox', { name: 'Kind', exact: true }).selectOption({ label: 'Call' });
  await page.getByLabel('Summary', { exact: true }).fill('Called about the mortgage');
  await page.getByLabel('Reason', { exact: true }).fill('asked about rates');
  await page.getByRole('button', { name: 'Save interaction', exact: true }).click();
  await expect(history(page).getByText('Called about the mortgage')).toBeVisible();
  await expect(history(page).getByText('asked about rates')).toBeVisible();

  await addFollowup(page, 'Handwritten note', 'Send a thank-you note', localDate(0), 'Thank her for choosing us');
  await addFollowup(page, 'Thank-you call', 'Thank-you call to Ada', localDate(3), 'Ask how the move went');
  // The note fell due today: the app says so, once.
  const reminders = page.getByRole('status', { name: 'Reminders' });
  await expect(reminders.getByText('Send a thank-you note')).toBeVisible();

  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await expect(section(page, 'Today').getByText('Send a thank-you note')).toBeVisible();
  await expect(section(page, 'Today').getByText('Thank her for choosing us')).toBeVisible();
  await expect(section(page, 'Today').getByText('Called about the mortgage')).toBeVisible();
  await expect(section(page, 'Upcoming').getByText('Thank-you call to Ada')).toBeVisible();
  await expect(section(page, 'Overdue').getByText('Nothing overdue. Well kept.')).toBeVisible();

  await section(page, 'Today').getByRole('button', { name: /^Mark done/ }).click();
  await expect(section(page, 'Today').getByText('Nothing due today.')).toBeVisible();

  const snoozedTo = localDate(10);
  await section(page, 'Upcoming').getByRole('button', { name: /^Snooze/ }).click();
  await page.getByRole('button', { name: 'Pick a day…' }).click();
  await page.getByLabel('Snooze until').fill(snoozedTo);
  await page.getByRole('button', { name: 'Snooze to that day' }).click();
  await expect(section(page, 'Upcoming').getByText('Nothing due in the next 7 days.')).toBeVisible();

  await page.getByRole('button', { name: 'Dismiss reminders' }).click();
  await openContact(page, contactUrl);
  await expect(history(page).getByText('Handwritten note', { exact: true })).toBeVisible();

  // Restart on the same folder: everything is still there, and nothing is announced again.
  await served.stop();
  await served.open(page);
  await openContact(page, contactUrl);
  await expect(history(page).getByText('Handwritten note', { exact: true })).toBeVisible();
  await expect(history(page).getByText('Called about the mortgage')).toBeVisible();
  const followups = page.getByRole('region', { name: 'Follow-ups' });
  await expect(followups.getByText('Thank-you call to Ada')).toBeVisible();
  await expect(followups.getByText('Send a thank-you note')).toHaveCount(0);
  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await expect(section(page, 'Today').getByText('Nothing due today.')).toBeVisible();
  await expect(section(page, 'Upcoming').getByText('Nothing due in the next 7 days.')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Reminders' })).toHaveCount(0);
});
