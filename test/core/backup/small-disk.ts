import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A size-limited or read-only folder needs `mount` (root, or a container that allows it). */
export function canMount(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'ambassador-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** A folder on its own small disk (a tmpfs of `size`, e.g. "2m"), which can be made read-only as a whole. */
export function smallDisk(parent: string, size: string) {
  const path = join(parent, `disk-${size}`);
  mkdirSync(path);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path]);
  return {
    path,
    /** Read-only for everyone, root too (EROFS). */
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', path]),
    writable: () => execFileSync('mount', ['-o', 'remount,rw', path]),
    unmount: () => execFileSync('umount', ['-l', path]),
  };
}

/**
 * Makes `folder` read-only from now on, for everyone (root too): a read-only
 * bind mount over itself. Files already open for writing keep their writes (a
 * remount of their own disk would be refused while they are open).
 */
export function freezeFolder(folder: string): () => void {
  execFileSync('mount', ['--bind', folder, folder]);
  execFileSync('mount', ['-o', 'remount,ro,bind', folder]);
  return () => execFileSync('umount', ['-l', folder]);
}
