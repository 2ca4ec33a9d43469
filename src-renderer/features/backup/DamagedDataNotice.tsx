import { useEffect, useState } from 'react';
import { api } from '../../api/api.ts';
import { navigate } from '../../app/navigation.store.ts';
import { Button } from '../../ui/Button.tsx';

/**
 * The background check after start-up found the data file damaged: said on
 * every screen until the user goes to restore a backup, since what they add
 * meanwhile may be lost.
 */
export function DamagedDataNotice() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.name === 'database.checkFailed') setMessage(event.payload.message);
      }),
    [],
  );
  if (message === null) return null;
  return (
    <div className="error-banner" role="alert">
      <p>{message}</p>
      <div className="banner-actions">
        <Button onClick={() => navigate({ screen: 'backup' })}>Open Backup &amp; data</Button>
      </div>
    </div>
  );
}
