import { useEffect } from 'react';
import { navigate } from '../../app/navigation.store.ts';
import { Button } from '../../ui/Button.tsx';
import { PurchaseImportSection } from '../purchase-import/PurchaseImportSection.tsx';
import { ExportSection } from '../transfer/ExportSection.tsx';
import { ImportSection } from '../transfer/ImportSection.tsx';
import { useImports } from '../transfer/imports.store.ts';
import { BackupSection } from './BackupSection.tsx';
import { useBackupStatus } from './backup-status.store.ts';
import { RestoreDialog } from './RestoreDialog.tsx';
import { useRestore } from './restore.store.ts';

/** Backup & data: backups and restore, import, export, and the way to duplicates. */
export function BackupScreen() {
  const dialogOpen = useRestore((state) => state.step !== 'closed');
  useEffect(() => {
    void useBackupStatus.getState().refresh();
    void useImports.getState().refresh();
  }, []);
  return (
    <>
      {/* While the restore dialog is open, the screen behind it can be neither reached nor read. */}
      <div className="screen screen-scroll data-screen" inert={dialogOpen}>
        <header className="screen-header">
          <h1>Backup &amp; data</h1>
        </header>
        <BackupSection />
        <ImportSection />
        <PurchaseImportSection />
        <ExportSection />
        <section className="panel">
          <h2>Duplicates</h2>
          <p className="panel-text">Contacts with the same email or phone, or nearly the same name, side by side, to merge into one.</p>
          <div className="toolbar">
            <Button onClick={() => navigate({ screen: 'duplicates' })}>Find duplicates</Button>
          </div>
        </section>
      </div>
      <RestoreDialog />
    </>
  );
}
