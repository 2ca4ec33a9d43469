import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

// The bridge is as private as the desktop app's IPC: only this machine, only a
// page that knows the launch token, and no other site's page even when a DNS
// name is rebound to 127.0.0.1.

export type GuardFailure = { status: 401 | 403; message: string };

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Host must name this server; Origin, when a browser sends one, must be this server's. */
export function checkHostAndOrigin(request: IncomingMessage, port: number): GuardFailure | null {
  const hosts = allowedHosts(port);
  const host = request.headers.host ?? '';
  if (!hosts.has(host)) {
    return { status: 403, message: 'This address is only served to http://127.0.0.1 on this computer.' };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    return { status: 403, message: 'Requests from other websites are not allowed.' };
  }
  return null;
}

export function checkToken(request: IncomingMessage, token: string): GuardFailure | null {
  const header = request.headers.authorization ?? '';
  const presented = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  const expected = Buffer.from(token);
  const given = Buffer.from(presented);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      status: 401,
      message: 'This page’s access key is missing or out of date. Open the address that `ambassador serve` printed.',
    };
  }
  return null;
}
