// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNavigation } from '../../src-renderer/app/navigation.store.ts';
import { DamagedDataNotice } from '../../src-renderer/features/backup/DamagedDataNotice.tsx';
import { resetAppState } from './app-state.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

beforeEach(() => {
  fake.reset();
  resetAppState();
});
afterEach(() => cleanup());

const message = 'Ambassador found damage in its data file /data/ambassador.sqlite. Go to Backup & data and restore your latest backup.';

describe('the damaged data notice', () => {
  it('says nothing until the background check reports damage, then says what to do and leads to Backup & data', async () => {
    render(<DamagedDataNotice />);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => fake.emit({ name: 'database.checkFailed', payload: { message } }));
    expect(screen.getByRole('alert').textContent).toContain(message);
    await userEvent.click(screen.getByRole('button', { name: 'Open Backup & data' }));
    expect(useNavigation.getState().route).toEqual({ screen: 'backup' });
  });
});
