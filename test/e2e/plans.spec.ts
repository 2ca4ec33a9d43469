import { expect, test, type Locator, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { serveForEachTest } from './served-app.ts';

// The real-estate agent's story from issue 10, in a real Chromium against the built
// app served by `ambassador serve` on a temp data folder: a plan started by hand, its
// note card printed, the calendar exported, and a plan started by a trigger.

const served = serveForEachTest('ambassador-plans-');

const localDate = (daysFromToday: number) => {
  const date = new Date();
  date.setDate(date.getDate() + daysFromToday);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

/** A Today section, found by its heading. */
const section = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });

/**
 * Where today's follow-ups are: the Today section, or anywhere on the Today screen on
 * a weekend (a built-in plan that skips weekends moves them to Monday).
 */
const dueToday = (page: Page): Locator => ([0, 6].includes(new Date().getDay()) ? page.locator('body') : section(page, 'Today'));

async function newContact(page: Page, fields: Record<string, string>) {
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await page.getByRole('button', { name: 'New contact', exact: true }).click();
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: `${fields['First name']} ${fields['Last name']}` })).toBeVisible();
}

/** Every VEVENT of a downloaded .ics file, read by a real iCalendar parser. */
async function exportedEvents(page: Page) {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export calendar', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  // The last toast: the one from an earlier export may still be showing.
  await expect(page.getByText(/^Exported \d+ follow-ups? to your calendar file$/).last()).toBeVisible();
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(await download.path(), 'utf8')));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return { uid: event.uid, summary: event.summary, start: event.startDate.toString().slice(0, 10), alarms: vevent.getAllSubcomponents('valarm').length };
  });
}

test('start Home closing two days after the closing, print the thank-you card, export the calendar, and a rates inquiry starts Rate inquiry', async ({ page }) => {
  await served.open(page);
  await newContact(page, {
    'First name': 'Ada',
    'Last name': 'Lovelace',
    Street: '12 Marylebone Road',
    'Postal code': 'NW1 5LR',
    City: 'London',
    Country: 'United Kingdom',
  });
  const contactUrl = page.url();

  // Start plan: Home closing, anchored on the closing two days ago, previewed before it starts.
  await page.getByRole('button', { name: 'Start plan', exact: true }).click();
  await page.getByRole('combobox', { name: 'Plan', exact: true }).selectOption({ label: 'Home closing' });
  await page.getByLabel('Anchor date', { exact: true }).fill(localDate(-2));
  await expect(page.getByText(/housewarming gift/i).first()).toBeVisible();
  await expect(page.getByText(/handwritten thank-you note/i).first()).toBeVisible();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const followups = page.getByRole('region', { name: 'Follow-ups' });
  await expect(followups.getByText(/housewarming gift/i)).toBeVisible();
  await expect(followups.getByText(/handwritten thank-you note/i)).toBeVisible();
  const titles = await followups.getByRole('listitem').locator('strong').allTextContents();
  expect(titles.length).toBeGreaterThanOrEqual(5);

  // Today: the gift and the note are due today.
  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await expect(dueToday(page).getByText(/housewarming gift/i)).toBeVisible();
  await expect(dueToday(page).getByText(/handwritten thank-you note/i)).toBeVisible();

  // Print card on the note: the filled prompt on the card, the address on the envelope.
  await dueToday(page).getByRole('listitem').filter({ hasText: /handwritten thank-you note/i }).getByRole('button', { name: 'Print card' }).click();
  const preview = page.getByRole('dialog', { name: 'Print preview' });
  const card = preview.getByRole('article', { name: 'Card for Ada Lovelace' });
  await expect(card).toBeVisible();
  await expect(card.locator('.print-card')).toContainText('Ada');
  await expect(card.locator('.print-card')).not.toContainText('{');
  const envelope = card.getByLabel('Envelope for Ada Lovelace');
  for (const line of ['Ada Lovelace', '12 Marylebone Road', 'London', 'NW1 5LR', 'United Kingdom']) await expect(envelope).toContainText(line);
  await expect(preview.getByRole('button', { name: 'Print', exact: true })).toBeEnabled();
  await preview.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(preview).toHaveCount(0);

  // Export calendar: one event per open follow-up, the contact's name in each summary,
  // an alarm on each, the note on today's date, and the same UIDs when exported again.
  const events = await exportedEvents(page);
  expect(events).toHaveLength(titles.length);
  for (const title of titles) expect(events.filter((event) => event.summary.includes(title))).toHaveLength(1);
  for (const event of events) {
    expect(event.summary).toContain('Ada Lovelace');
    expect(event.alarms).toBeGreaterThan(0);
  }
  expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
  const note = events.find((event) => /handwritten thank-you note/i.test(event.summary));
  if ([1, 2, 3, 4, 5].includes(new Date().getDay())) expect(note?.start).toBe(localDate(0));
  const again = await exportedEvents(page);
  expect(again.map((event) => event.uid).sort()).toEqual(events.map((event) => event.uid).sort());

  // Another contact calls about rates: Rate inquiry puts a call on today's list.
  await newContact(page, { 'First name': 'Grace', 'Last name': 'Hopper' });
  await page.getByRole('button', { name: 'Log interaction', exact: true }).click();
  await page.getByRole('combobox', { name: 'Kind', exact: true }).selectOption({ label: 'Inquiry' });
  await page.getByLabel('Summary', { exact: true }).fill('Asked about mortgage rates');
  await page.getByLabel('Reason', { exact: true }).fill('rates');
  await page.getByRole('button', { name: 'Save interaction', exact: true }).click();
  // The plan's call shows on her page as soon as the history entry is saved.
  await expect(page.getByRole('region', { name: 'Follow-ups' }).getByRole('listitem').first()).toBeVisible();

  await page.getByRole('link', { name: 'Today', exact: true }).click();
  const graceCall = dueToday(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Grace Hopper', exact: true }) })
    .filter({ hasText: /call/i });
  await expect(graceCall).toHaveCount(1);
  await expect(graceCall).toBeVisible();

  // Ada's plan was not started again by anything on the way.
  await page.evaluate((hash) => {
    location.hash = hash;
  }, new URL(contactUrl).hash);
  await expect(page.getByRole('region', { name: 'Follow-ups' }).getByRole('listitem')).toHaveCount(titles.length);
});
