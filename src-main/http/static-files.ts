import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pageContentTypes, pageSecurityHeaders } from '../../shared/security/content-security-policy.ts';


/** Serves a file of the built renderer; paths outside its folder are not found. */
export function serveStatic(rendererDir: string, urlPath: string, response: ServerResponse): void {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return notFound(response);
  }
  const file = normalize(join(rendererDir, relative));
  if (!file.startsWith(rendererDir + sep)) return notFound(response);
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return notFound(response);
    size = stats.size;
  } catch {
    return notFound(response);
  }
  response.writeHead(200, {
    ...pageSecurityHeaders,
    'Content-Type': pageContentTypes[extname(file)] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': extname(file) === '.html' ? 'no-store' : 'no-cache',
  });
  createReadStream(file).pipe(response);
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...pageSecurityHeaders });
  response.end('Not found');
}
