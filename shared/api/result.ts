import type { ApiError } from './errors.ts';
import type { MethodName, MethodOutput } from './contract.ts';

/** What `dispatch` resolves to; it never rejects. */
export type DispatchResult<M extends MethodName = MethodName> =
  | { ok: true; value: MethodOutput<M> }
  | { ok: false; error: ApiError };

/** What a file dialog is for: its title and the file types it offers. */
export type FileChoice = {
  title: string;
  /** Without dots: ["ambassador"], ["csv", "vcf"]. */
  extensions: string[];
  /** The file type's name in the dialog, e.g. "Ambassador backups". */
  typeName: string;
};

/** The desktop app's native open and save dialogs; each resolves to the chosen path, or null when cancelled. */
export type FileDialogs = {
  chooseOpen: (choice: FileChoice) => Promise<string | null>;
  chooseSave: (choice: FileChoice & { suggestedName: string }) => Promise<string | null>;
};

/** The surface the preload exposes as `window.ambassador` in the desktop app. */
export type AmbassadorBridge = {
  invoke: (method: string, input: unknown) => Promise<DispatchResult>;
  onEvent: (listener: (event: { name: string; payload: unknown }) => void) => () => void;
  /** Native file dialogs (the desktop app only). */
  files?: FileDialogs;
};
