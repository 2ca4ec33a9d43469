import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { httpStatusFor, type ApiError } from '../../shared/api/errors.ts';
import type { CoreEvent } from '../../shared/api/events.ts';
import type { CoreHandle } from '../core/core-handle.ts';
import { checkHostAndOrigin, checkToken, type GuardFailure } from './guards.ts';
import { defaultMaxUploadBytes, handleFiles, removeOldUploads, type FileTransferOptions } from './file-transfer.ts';
import { createReadGate, defaultBodyLimits, readJsonBody, refuseBody, type BodyLimits } from './request-body.ts';
import { serveStatic } from './static-files.ts';

export type HttpBridgeOptions = {
  core: CoreHandle;
  /** The built renderer (`dist-renderer`). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed in tests; otherwise 128 random bits made at launch. */
  token?: string;
  /** The data folder, for files moving between the page and the core (`/api/files`); without it there is no such endpoint. */
  dataDir?: string;
  /** Largest file the page may upload (`defaultMaxUploadBytes` unless given). */
  maxUploadBytes?: number;
};

export type HttpBridge = {
  port: number;
  token: string;
  /** The address to open: the token rides in the fragment, which browsers never send. */
  url: string;
  close: () => Promise<void>;
};

const heartbeatMs = 15_000;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(text);
}

function sendError(response: ServerResponse, status: number, error: ApiError): void {
  sendJson(response, status, error);
}

/** Refusals happen before the API is reached, so they carry transport codes, not contract ones. */
function refuse(response: ServerResponse, failure: GuardFailure): void {
  sendJson(response, failure.status, { code: failure.status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN', message: failure.message });
}

type CallContext = { core: CoreHandle; limits: BodyLimits; gate: ReturnType<typeof createReadGate> };

async function handleCall(context: CallContext, method: string, request: IncomingMessage, response: ServerResponse) {
  const send = (status: number, body: unknown) => sendJson(response, status, body);
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    return refuseBody(request, { status: 405, error: { code: 'VALIDATION', message: 'Use POST to call Ambassador’s API.' } }, send);
  }
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return refuseBody(request, { status: 415, error: { code: 'VALIDATION', message: 'Send the input as JSON (Content-Type: application/json).' } }, send);
  }
  const body = await readJsonBody(request, context.limits, context.gate);
  if (!body.ok) {
    if (body.status !== 'gone') refuseBody(request, body, send);
    return;
  }
  const result = await context.core.dispatch(method, body.input);
  if (result.ok) return sendJson(response, 200, result.value);
  sendError(response, httpStatusFor[result.error.code], result.error);
}

/** The most events kept for a window that has not connected yet. */
const missedLimit = 100;

/**
 * Events published while no window listens (the start-up digest of reminders that
 * fell due while Ambassador was closed comes before any tab has connected) are kept
 * and delivered to the next window that connects, once.
 */
function createEventStreams(core: CoreHandle) {
  const missed: CoreEvent[] = [];
  let listening = 0;
  const stopKeeping = core.onEvent((event) => {
    if (listening > 0) return;
    missed.push(event);
    if (missed.length > missedLimit) missed.shift();
  });
  return {
    stream: (request: IncomingMessage, response: ServerResponse) => {
      listening += 1;
      streamEvents(core, request, response, missed.splice(0));
      request.on('close', () => {
        listening -= 1;
      });
    },
    stop: stopKeeping,
  };
}

function writeEvent(response: ServerResponse, event: CoreEvent): void {
  response.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
}

function streamEvents(core: CoreHandle, request: IncomingMessage, response: ServerResponse, missed: CoreEvent[]): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  });
  response.write(': connected\n\n');
  for (const event of missed) writeEvent(response, event);
  const unsubscribe = core.onEvent((event) => writeEvent(response, event));
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs);
  request.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

/**
 * The localhost bridge for browser mode: the built renderer, `POST /api/<method>`,
 * `GET /api/events` and `/api/files` (file-transfer.ts) over the same core the
 * desktop app uses. Bound to 127.0.0.1 only.
 */
export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const token = options.token ?? randomBytes(16).toString('hex');
  const rendererDir = resolve(options.rendererDir);
  const calls: CallContext = { core: options.core, limits: defaultBodyLimits, gate: createReadGate(defaultBodyLimits.maxConcurrentReads) };
  const streams = createEventStreams(options.core);
  const files: FileTransferOptions | undefined = options.dataDir
    ? { core: options.core, dataDir: options.dataDir, maxUploadBytes: options.maxUploadBytes ?? defaultMaxUploadBytes, gate: calls.gate }
    : undefined;
  if (files) await removeOldUploads(files.dataDir);
  let port = 0;

  const server = createServer((request, response) => {
    const failure = checkHostAndOrigin(request, port);
    if (failure) return refuse(response, failure);
    // Only origin-form targets ("/api/x?y"): an absolute or malformed one is refused, not parsed.
    const target = request.url ?? '';
    if (!target.startsWith('/')) {
      return sendError(response, 400, { code: 'VALIDATION', message: 'That request address is not valid.' });
    }
    const path = target.split(/[?#]/, 1)[0]!;
    if (!path.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return sendError(response, 405, { code: 'VALIDATION', message: 'Only GET is served here.' });
      }
      return serveStatic(rendererDir, path, response);
    }
    const unauthorized = checkToken(request, token);
    if (unauthorized) return refuse(response, unauthorized);
    if (path === '/api/events') return streams.stream(request, response);
    const answer = files && path === '/api/files'
      ? handleFiles(files, request, response, (status, body) => sendJson(response, status, body))
      : handleCall(calls, path.slice('/api/'.length), request, response);
    answer.catch((error: unknown) => {
      console.error('[ambassador] HTTP bridge error:', error);
      if (!response.headersSent) {
        sendError(response, 500, { code: 'INTERNAL', message: 'Something went wrong inside Ambassador. Try again.' });
      }
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        streams.stop();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
