import { constants, createWriteStream } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, readdir, realpath, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { CoreHandle } from '../core/core-handle.ts';
import { refuseBody, type BodyRefusal, type createReadGate } from './request-body.ts';

// Browser mode has no file dialogs that give the core a path: the page uploads the
// file the user chose (the core then reads it from the data folder) and downloads
// what the core wrote. Only folders the core writes for the user are handed out:
// the bridge never becomes a way to read any file on the computer.

export type FileTransferOptions = {
  core: CoreHandle;
  /** The data folder: uploads go into its `incoming` folder; `backups` and `exports` may be downloaded. */
  dataDir: string;
  /** Largest upload accepted, in bytes. */
  maxUploadBytes: number;
  /** The bridge's gate on requests read or sent at once. */
  gate: ReturnType<typeof createReadGate>;
};

/** A year of contacts exported from another app fits with room to spare; a backup of a large database too. */
export const defaultMaxUploadBytes = 2 * 1024 ** 3;

/** Uploads older than this are removed when the bridge starts: the core has long read them. */
const uploadsKeptMs = 24 * 60 * 60 * 1000;

export const incomingFolderName = 'incoming';

type Send = (status: number, body: unknown) => void;

const busy: BodyRefusal = {
  status: 503,
  error: { code: 'BUSY', message: 'Ambassador is receiving too many requests at once. Try again in a moment.' },
};

function refusal(status: number, code: string, message: string): BodyRefusal {
  return { status, error: { code, message } };
}

function tooLarge(maxBytes: number): BodyRefusal {
  const size = maxBytes >= 1024 ** 3 ? `${Math.round((maxBytes / 1024 ** 3) * 10) / 10} GB` : `${Math.round((maxBytes / 1024 ** 2) * 10) / 10} MB`;
  return refusal(413, 'VALIDATION', `The file is larger than ${size}, the most Ambassador accepts. Choose a smaller file.`);
}

// Characters Windows does not allow in a file name; replaced so the core can write a copy beside it if it wants.
const awkwardCharacters = /[<>:"|?*]/g;
/** Control characters (C0 and DEL) never belong in a name the user chose. */
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The upload's file name, kept as the base name the user knows; undefined when it names a path or nothing. */
export function safeUploadName(name: string | null): string | undefined {
  if (name === null) return undefined;
  const trimmed = name.trim();
  if (trimmed === '' || trimmed === '.' || trimmed === '..') return undefined;
  if (trimmed.includes('/') || trimmed.includes('\\') || hasControlCharacter(trimmed)) return undefined;
  const safe = trimmed.replace(awkwardCharacters, '_');
  return safe.length > 200 ? safe.slice(safe.length - 200) : safe;
}

/**
 * Writes the body to `file`, stopping (without hanging up: refuseBody reads the
 * rest) once it is larger than `maxBytes`.
 */
function saveBody(request: IncomingMessage, file: string, maxBytes: number): Promise<'saved' | 'too large' | 'gone'> {
  return new Promise((resolvePromise, reject) => {
    const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    let size = 0;
    out.once('error', (error) => {
      request.unpipe(out);
      reject(error);
    });
    out.once('close', () => resolvePromise('saved'));
    request.pipe(out);
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes || out.destroyed) return;
      request.unpipe(out);
      out.destroy();
      resolvePromise('too large');
    });
    request.once('close', () => {
      if (request.complete) return;
      out.destroy();
      resolvePromise('gone');
    });
  });
}

function storageProblem(error: unknown): BodyRefusal {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return refusal(507, 'STORAGE', 'There is not enough free disk space to receive this file. Free some space and try again.');
  }
  return refusal(507, 'STORAGE', `Ambassador could not save the file in its data folder (${code ?? String(error)}). Check the folder and try again.`);
}

async function receive(options: FileTransferOptions, request: IncomingMessage, send: Send): Promise<void> {
  const name = safeUploadName(new URL(request.url ?? '/', 'http://localhost').searchParams.get('name'));
  if (name === undefined) {
    return refuseBody(request, refusal(400, 'VALIDATION', 'Say the file’s name, without any folder in it (?name=contacts.csv).'), send);
  }
  if (Number(request.headers['content-length'] ?? 0) > options.maxUploadBytes) return refuseBody(request, tooLarge(options.maxUploadBytes), send);
  if (!options.gate.enter()) return refuseBody(request, busy, send);
  let folder: string | undefined;
  try {
    const incoming = join(options.dataDir, incomingFolderName);
    await mkdir(incoming, { recursive: true, mode: 0o700 });
    // mkdtemp makes the folder readable by the user alone.
    folder = await mkdtemp(join(incoming, 'upload-'));
    const file = join(folder, name);
    const outcome = await saveBody(request, file, options.maxUploadBytes);
    if (outcome === 'saved') return send(200, { path: file });
    await rm(folder, { recursive: true, force: true });
    // A client that hung up hears nothing; its half file is gone.
    if (outcome === 'too large') refuseBody(request, tooLarge(options.maxUploadBytes), send);
  } catch (error) {
    if (folder) await rm(folder, { recursive: true, force: true });
    refuseBody(request, storageProblem(error), send);
  } finally {
    options.gate.leave();
  }
}

/** Removes uploads older than a day; one that cannot be removed now is tried again at the next start. */
export async function removeOldUploads(dataDir: string, now = Date.now()): Promise<void> {
  const incoming = join(dataDir, incomingFolderName);
  let entries: string[];
  try {
    entries = await readdir(incoming);
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(incoming, entry);
    try {
      if (now - (await lstat(path)).mtimeMs > uploadsKeptMs) await rm(path, { recursive: true, force: true });
    } catch {
      // Removed meanwhile, or not ours to remove.
    }
  }
}

/** Folders whose files the page may download: what the core writes for the user. */
async function downloadableFolders(options: FileTransferOptions): Promise<string[]> {
  const folders = [join(options.dataDir, 'backups'), join(options.dataDir, 'exports')];
  const status = await options.core.dispatch('backup.status', {});
  if (status.ok) folders.push((status.value as { folder: string }).folder);
  return folders;
}

function isInside(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest !== '' && !rest.startsWith('..') && !isAbsolute(rest);
}

async function realFolders(folders: string[]): Promise<string[]> {
  const real = await Promise.all(folders.map((folder) => realpath(folder).catch(() => undefined)));
  return real.filter((folder): folder is string => folder !== undefined);
}

const notHandedOut =
  'Ambassador only hands out the backups and exports it wrote itself, and that file is not one of them.';

/** The header naming the download: a plain ASCII name for old clients, the exact name (RFC 5987) for the rest. */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

async function handOut(options: FileTransferOptions, request: IncomingMessage, response: ServerResponse, send: Send): Promise<void> {
  const asked = new URL(request.url ?? '/', 'http://localhost').searchParams.get('path') ?? '';
  if (!isAbsolute(asked) || asked.includes('\0')) return send(400, { code: 'VALIDATION', message: 'Say which file to download by its full path (?path=…).' });
  const path = resolve(asked);
  const folders = await downloadableFolders(options);
  if (!folders.some((folder) => isInside(folder, path))) return send(403, { code: 'FORBIDDEN', message: notHandedOut });
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return send(404, { code: 'NOT_FOUND', message: 'That file is not there any more. Make it again and download it then.' });
  }
  // A link inside an allowed folder that points elsewhere is refused like the file it points to.
  if (!(await realFolders(folders)).some((folder) => isInside(folder, real))) return send(403, { code: 'FORBIDDEN', message: notHandedOut });
  if (!options.gate.enter()) return send(busy.status, busy.error);
  let left = false;
  const leave = () => {
    if (!left) options.gate.leave();
    left = true;
  };
  try {
    // O_NOFOLLOW: a link swapped in after the check above is not followed.
    const handle = await open(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const stats = await handle.stat();
    if (!stats.isFile()) {
      await handle.close();
      leave();
      return send(403, { code: 'FORBIDDEN', message: notHandedOut });
    }
    response.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': stats.size,
      'Content-Disposition': attachmentHeader(basename(real)),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    response.once('close', leave);
    await pipeline(handle.createReadStream(), response).catch(() => undefined);
  } catch {
    leave();
    if (!response.headersSent) send(404, { code: 'NOT_FOUND', message: 'That file is not there any more. Make it again and download it then.' });
  }
}

/** `POST /api/files?name=…` receives a file; `GET /api/files?path=…` hands one back. Guards are checked by the caller. */
export function handleFiles(options: FileTransferOptions, request: IncomingMessage, response: ServerResponse, send: Send): Promise<void> {
  if (request.method === 'POST') return receive(options, request, send);
  if (request.method === 'GET') return handOut(options, request, response, send);
  response.setHeader('Allow', 'GET, POST');
  refuseBody(request, refusal(405, 'VALIDATION', 'Use POST to send a file and GET to download one.'), send);
  return Promise.resolve();
}
