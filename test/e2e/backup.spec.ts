import { expect, test, type Page } from '@playwright/test';
import { serveForEachTest } from './served-app.ts';

// Issue 9's story in browser mode, in a real Chromium against the built app served
// by `ambassador serve` on a temp data folder: back up (a download), import a CSV
// (an upload) and undo it, restore the backup (another upload) and undo that.

const served = serveForEachTest('ambassador-backup-');

const csv = ['First Name,Last Name,E-mail Address', 'Grace,Hopper,grace@example.com', 'Alan,Turing,alan@example.com', ''].join('\r\n');

const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });

async function contactsShown(page: Page, names: { present: string[]; absent: string[] }) {
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  for (const name of names.present) await expect(row(page, name)).toBeVisible();
  for (const name of names.absent) await expect(row(page, name)).toHaveCount(0);
  await page.getByRole('link', { name: 'Backup', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Backup & data', level: 1 })).toBeVisible();
}

async function importCsv(page: Page) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import contacts', exact: true }).click();
  await (await chooser).setFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('row', { name: /Grace Hopper/ })).toBeVisible();
  await page.getByRole('button', { name: 'Start import', exact: true }).click();
  await expect(page.getByText('Created 2', { exact: true })).toBeVisible();
  await expect(page.getByText('Merged 0', { exact: true })).toBeVisible();
  await expect(page.getByText('Skipped 0', { exact: true })).toBeVisible();
}

test('back up, import and undo, restore the backup and undo the restore: nothing is lost', async ({ page }) => {
  await served.open(page);
  await page.getByRole('button', { name: 'New contact', exact: true }).click();
  await page.getByLabel('First name', { exact: true }).fill('Ada');
  await page.getByLabel('Last name', { exact: true }).fill('Lovelace');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();

  await page.getByRole('link', { name: 'Backup', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Backup & data', level: 1 })).toBeVisible();
  // Browser mode backs up by itself at start: the first backup may already be there.
  await expect(page.getByText(/^(No backup yet|Last backup: .*)$/)).toBeVisible();

  // Back up now: the core writes it into the backups folder, the page downloads it.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up now', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Ambassador-\d{4}-\d\d-\d\d-\d{4}(-\d+)?\.ambassador$/);
  const backupPath = await download.path();
  await expect(page.getByText(/^Last backup: today at \d\d:\d\d — /)).toHaveText(new RegExp(`— ${download.suggestedFilename().replace(/\./g, '\\.')}$`));

  // Import a CSV, see the report, undo it: the two are gone again.
  await importCsv(page);
  await page.getByRole('button', { name: 'Undo import', exact: true }).click();
  await expect(page.getByText(/^Import undone: removed 2 contacts/)).toBeVisible();
  await contactsShown(page, { present: ['Ada Lovelace'], absent: ['Grace Hopper', 'Alan Turing'] });

  // Import again, then restore the backup from before: only Ada is back.
  await importCsv(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from file', exact: true }).click();
  await (await chooser).setFiles(backupPath);
  const preview = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(preview.getByRole('row', { name: /^Contacts/ })).toHaveText(/Contacts\s*1\s*3/);
  await expect(preview.getByText(/Your current data is saved first/)).toBeVisible();
  await preview.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(preview).toHaveCount(0);
  await expect(page.getByText(/^Restored the backup of /)).toBeVisible();
  await contactsShown(page, { present: ['Ada Lovelace'], absent: ['Grace Hopper', 'Alan Turing'] });

  // Undo restore, also offered after a reload: the imported contacts are back.
  await page.reload();
  await page.getByRole('button', { name: 'Undo restore', exact: true }).click();
  await expect(page.getByText('Restore undone: your data is back as it was before')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo restore', exact: true })).toHaveCount(0);
  await contactsShown(page, { present: ['Ada Lovelace', 'Grace Hopper', 'Alan Turing'], absent: [] });
});

test('a file that is not a backup is refused with the core’s reason, and nothing changes', async ({ page }) => {
  await served.open(page);
  await page.getByRole('link', { name: 'Backup', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from file', exact: true }).click();
  await (await chooser).setFiles({ name: 'notes.ambassador', mimeType: 'application/octet-stream', buffer: Buffer.from('not a database at all') });
  const dialog = page.getByRole('dialog', { name: 'This file cannot be restored' });
  // The core's own reason about the file, not a failed upload or a missing handler.
  await expect(dialog.getByRole('alert')).toContainText(/backup|SQLite|database/i);
  await expect(dialog.getByRole('alert')).not.toContainText(/could not receive|not built yet/i);
  await expect(dialog.getByRole('button', { name: 'Restore', exact: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toHaveCount(0);
});
