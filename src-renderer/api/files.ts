import type { FileChoice } from '../../shared/api/result.ts';
import { currentAccessToken } from './access-token.ts';

export type { FileChoice };

/**
 * A file the user chose, as a path the core can open. In browser mode that path
 * is the upload's place inside the data folder, which the user never saw:
 * `shownAs` is what messages call it instead (see `inUserWords`).
 */
export type ChosenFile = { path: string; name: string; shownAs?: string };

/** The core's message about a chosen file, naming it as the user knows it. */
export function inUserWords(message: string, file: ChosenFile | null): string {
  return file?.shownAs ? message.split(file.path).join(file.shownAs) : message;
}

/**
 * Files in and out of the core, the same calls in both hosts. The desktop app
 * uses its native dialogs and the core reads and writes the chosen paths; browser
 * mode uploads the chosen file to the bridge and downloads what the core wrote.
 */
export type FileAccess = {
  /** Lets the user choose a file to read; null when cancelled. */
  chooseFileToOpen(choice: FileChoice): Promise<ChosenFile | null>;
  /**
   * Where a new file should go: the save dialog's path in the desktop app
   * (`{ path }`), `{ path: undefined }` in browser mode (the core writes into its
   * own folder and `deliver` downloads it), null when the user cancelled.
   */
  chooseSaveTarget(choice: FileChoice & { suggestedName: string }): Promise<{ path: string | undefined } | null>;
  /** Browser mode downloads a file the core wrote; the desktop app has nothing to do (it is where the user chose). */
  deliver(path: string, name: string): Promise<void>;
};

function desktopFiles(dialogs: NonNullable<NonNullable<Window['ambassador']>['files']>): FileAccess {
  return {
    chooseFileToOpen: async (choice) => {
      const path = await dialogs.chooseOpen(choice);
      return path === null ? null : { path, name: path.split(/[\\/]/).pop() ?? path };
    },
    chooseSaveTarget: async (choice) => {
      const path = await dialogs.chooseSave(choice);
      return path === null ? null : { path };
    },
    deliver: async () => {},
  };
}

/** The page's own file picker: resolves with the file, or null when the user closes it. */
function pickInBrowser(choice: FileChoice): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = choice.extensions.map((extension) => `.${extension}`).join(',');
    input.setAttribute('aria-label', choice.title);
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

function browserFiles(origin: string, token: () => string | null): FileAccess {
  const authorization = () => ({ Authorization: `Bearer ${token() ?? ''}` });
  return {
    chooseFileToOpen: async (choice) => {
      const file = await pickInBrowser(choice);
      if (!file) return null;
      const response = await fetch(`${origin}/api/files?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { ...authorization(), 'Content-Type': 'application/octet-stream' },
        body: file,
      });
      const body = (await response.json().catch(() => null)) as { path?: string; message?: string } | null;
      if (!response.ok || typeof body?.path !== 'string') {
        throw new Error(body?.message ?? `Ambassador could not receive ${file.name} (HTTP ${response.status}). Try again.`);
      }
      return { path: body.path, name: file.name, shownAs: file.name };
    },
    chooseSaveTarget: async () => ({ path: undefined }),
    deliver: async (path, name) => {
      const response = await fetch(`${origin}/api/files?path=${encodeURIComponent(path)}`, { headers: authorization() });
      if (!response.ok) throw new Error(`Ambassador could not hand over ${name} (HTTP ${response.status}). Try again.`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}

/** The one file access, picked like the API transport: the desktop dialogs if present, else browser mode's upload and download. */
export const files: FileAccess = window.ambassador?.files
  ? desktopFiles(window.ambassador.files)
  : browserFiles(location.origin, currentAccessToken);
