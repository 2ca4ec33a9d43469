// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Sidebar } from '../../src-renderer/app/Sidebar.tsx';
import { followContactChanges } from '../../src-renderer/features/contacts/follow-contacts.ts';
import { resetAppState } from './app-state.ts';

const fake = await vi.hoisted(async () => (await import('./fake-bridge.ts')).installFakeBridge());

let counts = { contacts: 1234, trash: 2 };
beforeEach(() => {
  fake.reset();
  counts = { contacts: 1234, trash: 2 };
  fake.handle('contacts.count', () => counts);
  fake.handle('tags.list', () => []);
  fake.handle('contacts.trash', () => ({ items: [], total: 0 }));
  resetAppState();
});
let stop = () => {};
afterEach(() => {
  stop();
  cleanup();
});

const sections = () => screen.getByRole('navigation', { name: 'Sections' });

describe('the sidebar', () => {
  it('shows how many contacts are listed and in the Trash, beside links whose names stay the same', async () => {
    render(<Sidebar />);
    expect(await within(sections()).findByText('1,234')).toBeTruthy();
    expect(within(sections()).getByText('2').getAttribute('title')).toBe('2 in the Trash');
    expect(screen.getByRole('link', { name: 'Contacts' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Trash' })).toBeTruthy();
  });

  it('follows the core’s change events', async () => {
    stop = followContactChanges();
    render(<Sidebar />);
    await within(sections()).findByText('1,234');
    counts = { contacts: 1233, trash: 3 };
    await act(async () => {
      fake.emit({ name: 'contacts.changed', payload: { ids: [], reason: 'deleted' } });
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    expect(within(sections()).getByText('1,233')).toBeTruthy();
    expect(within(sections()).getByText('3')).toBeTruthy();
  });
});
