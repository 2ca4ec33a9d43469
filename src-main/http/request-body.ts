import type { IncomingMessage } from 'node:http';

// Request bodies are small JSON inputs; a few MB fits every action with room to
// spare (large imports will get their own upload endpoints). The limits keep one
// caller from exhausting the memory or the stack of the process that serves the
// user's data.
export type BodyLimits = {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Deepest nesting of arrays and objects accepted. */
  maxDepth: number;
  /** Bodies read at once; a browser opens at most six connections to one host. */
  maxConcurrentReads: number;
};

export const defaultBodyLimits: BodyLimits = {
  maxBytes: 4 * 1024 * 1024,
  maxDepth: 32,
  maxConcurrentReads: 8,
};

/** How long a refused body is still read (and thrown away) so the client hears the answer. */
const lingerMs = 10_000;

export type BodyRefusal = { status: number; error: { code: string; message: string } };
export type BodyOutcome = { ok: true; input: unknown } | ({ ok: false } & BodyRefusal) | { ok: false; status: 'gone' };

export function tooLarge(limits: BodyLimits): BodyRefusal {
  const megabytes = Math.round((limits.maxBytes / (1024 * 1024)) * 10) / 10;
  return {
    status: 413,
    error: { code: 'VALIDATION', message: `The request is larger than ${megabytes} MB, the most Ambassador accepts at once. Send less at a time.` },
  };
}

/** Whether arrays and objects in JSON text nest deeper than `maxDepth`, counted in one pass without recursion. */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index++; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b || char === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (char === 0x5d || char === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** Counts the bodies being read; `enter` says no when the cap is reached. */
export function createReadGate(max: number) {
  let reading = 0;
  return {
    enter: () => (reading < max ? (reading++, true) : false),
    leave: () => {
      reading--;
    },
  };
}

/** Reads the body up to `maxBytes`; stops collecting (but does not hang up) once it is over. */
function readText(request: IncomingMessage, maxBytes: number): Promise<string | 'too large' | 'gone'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      chunks.length = 0;
      request.off('data', onData);
      resolve('too large');
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // A client that hangs up mid-body gets no answer; the caller only frees its slot.
    request.once('close', () => resolve('gone'));
  });
}

/**
 * Reads and parses a JSON body within the limits. `gate` caps how many bodies
 * are held in memory at once; a refusal is answered by `refuseBody` below.
 */
export async function readJsonBody(request: IncomingMessage, limits: BodyLimits, gate: ReturnType<typeof createReadGate>): Promise<BodyOutcome> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limits.maxBytes) return { ok: false, ...tooLarge(limits) };
  if (!gate.enter()) {
    return {
      ok: false,
      status: 503,
      error: { code: 'BUSY', message: 'Ambassador is receiving too many requests at once. Try again in a moment.' },
    };
  }
  try {
    const text = await readText(request, limits.maxBytes);
    if (text === 'gone') return { ok: false, status: 'gone' };
    if (text === 'too large') return { ok: false, ...tooLarge(limits) };
    if (nestsDeeperThan(text, limits.maxDepth)) {
      return {
        ok: false,
        status: 400,
        error: { code: 'VALIDATION', message: `The input nests lists and objects more than ${limits.maxDepth} levels deep; no Ambassador action takes that.` },
      };
    }
    try {
      return { ok: true, input: text.trim() === '' ? {} : JSON.parse(text) };
    } catch {
      return { ok: false, status: 400, error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } };
    }
  } finally {
    gate.leave();
  }
}

/**
 * Answers a request whose body was not (fully) read. Hanging up while the client
 * is still sending makes its TCP stack reset the connection, and the client may
 * lose the answer; so the rest of the body is read and thrown away, for a while.
 */
export function refuseBody(request: IncomingMessage, refusal: BodyRefusal, send: (status: number, body: unknown) => void): void {
  if (!request.complete) {
    request.removeAllListeners('data');
    request.resume();
    const giveUp = setTimeout(() => request.socket.destroy(), lingerMs);
    giveUp.unref();
    request.once('close', () => clearTimeout(giveUp));
    request.once('end', () => clearTimeout(giveUp));
  }
  send(refusal.status, refusal.error);
}
