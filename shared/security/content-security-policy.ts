/**
 * The page's Content-Security-Policy, the one copy: the desktop app's app://
 * protocol and browser mode's HTTP bridge both send exactly this header.
 *
 * The page is Vite's build: module scripts and one stylesheet from its own
 * origin, no inline script or style markup (React sets styles through the DOM,
 * which CSP allows), no images or fonts from elsewhere, and in browser mode
 * fetch calls to the bridge on the same origin. Everything else is refused:
 * plugins, frames (either way), <base>, form posts and workers.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every file of the page, from either host. */
export const pageSecurityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/** The content types of what Vite's build holds; anything else is sent as bytes. */
export const pageContentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
