import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { serveForEachTest } from './served-app.ts';

// Issue 11 in a real Chromium against the built app served by `ambassador serve`
// on a temp data folder: purchases and a likelihood-to-recommend score on two
// contacts, their P&L and loyalty stage on their pages, then the Insights view:
// the ladder, the segment table, a drill-down to the contacts and Export table.

const served = serveForEachTest('ambassador-insights-');

const localDate = (daysFromToday: number) => {
  const date = new Date();
  date.setDate(date.getDate() + daysFromToday);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

async function newContact(page: Page, firstName: string, lastName: string) {
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await page.getByRole('button', { name: 'New contact', exact: true }).click();
  await page.getByLabel('First name', { exact: true }).fill(firstName);
  await page.getByLabel('Last name', { exact: true }).fill(lastName);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: `${firstName} ${lastName}` })).toBeVisible();
}

type PurchaseInput = { amount: string; date: string; discount: string; productCost: string; channel: string };

async function addPurchase(page: Page, purchase: PurchaseInput) {
  await page.getByRole('button', { name: 'Add purchase', exact: true }).click();
  await page.getByLabel('Amount', { exact: true }).fill(purchase.amount);
  await page.getByLabel('Date', { exact: true }).fill(purchase.date);
  await page.getByLabel('Discount', { exact: true }).fill(purchase.discount);
  await page.getByLabel('Product cost', { exact: true }).fill(purchase.productCost);
  await page.getByLabel('Channel', { exact: true }).fill(purchase.channel);
  await page.getByRole('button', { name: 'Save purchase', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Save purchase', exact: true })).toHaveCount(0);
}

async function scoreLikelihood(page: Page, score: string) {
  await page.getByLabel('Likelihood to recommend', { exact: true }).fill(score);
  await page.getByRole('button', { name: 'Save score', exact: true }).click();
}

test('purchases and a score on two contacts show their P&L and stage; Insights shows the ladder and segments, drills down and exports the table', async ({ page }) => {
  await served.open(page);

  await newContact(page, 'Ada', 'Lovelace');
  await addPurchase(page, { amount: '1,200.00', date: localDate(-40), discount: '100', productCost: '500', channel: 'online' });
  await addPurchase(page, { amount: '300', date: localDate(-10), discount: '0', productCost: '120', channel: 'store' });
  await scoreLikelihood(page, '10');
  const adaProfit = page.getByRole('region', { name: 'Profit and loss' });
  await expect(adaProfit).toBeVisible();
  // Revenue 1,500.00 − discounts 100.00 − product costs 620.00 = 780.00 before cost to serve and admin.
  await expect(adaProfit).toContainText('1,500.00');
  await expect(adaProfit).toContainText('620.00');
  await expect(page.getByText('Ambassador', { exact: true })).toBeVisible();

  await newContact(page, 'Grace', 'Hopper');
  await addPurchase(page, { amount: '80', date: localDate(-5), discount: '0', productCost: '30', channel: 'phone' });
  await scoreLikelihood(page, '3');
  await expect(page.getByRole('region', { name: 'Profit and loss' })).toContainText('80.00');
  await expect(page.getByText('Detractor', { exact: true })).toBeVisible();

  // A bad score is refused with a message naming the field, and nothing is lost.
  await scoreLikelihood(page, '11');
  await expect(page.getByText(/likelihood to recommend/i).filter({ hasText: /0.+10/ }).first()).toBeVisible();
  await expect(page.getByText('Detractor', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Insights', exact: true }).click();
  for (const heading of ['Loyalty ladder', 'Customer lifetime value', 'Segments', 'Channels']) {
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Recompute now', exact: true }).click();
  const segments = page.getByRole('table', { name: /segments/i });
  await expect(segments).toBeVisible();
  await expect(segments.getByRole('row').filter({ hasText: 'Detractor' })).toContainText('1');

  // Drill down: the detractors on the ladder are Grace.
  await page.getByRole('button', { name: 'Detractor: 1', exact: true }).click();
  const drill = page.getByRole('dialog', { name: 'Customers: Detractor' });
  await expect(drill.getByRole('link', { name: 'Grace Hopper', exact: true })).toBeVisible();
  await expect(drill.getByRole('link', { name: 'Ada Lovelace', exact: true })).toHaveCount(0);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export table', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split(/\r?\n/)[0]).toMatch(/segment/i);
  expect(csv).toMatch(/detractor/i);
});
