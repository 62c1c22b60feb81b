/**
 * How `app://sebaya/...` maps onto the built renderer (out/renderer), as pure
 * functions with unit tests. The renderer is served from this privileged
 * scheme rather than file:// so that it has a real origin for CSP 'self' and
 * for the IPC sender check, and so that a page can never read an arbitrary
 * file from the disk (issue 2, "Electron shell").
 *
 * Only a type is imported from 'electron'; this file loads under plain Node.
 */
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { appHost, appScheme, contentSecurityPolicy } from './security';

/**
 * Registered before the app is ready. `standard` gives the scheme real
 * origins and relative URL resolution, `secure` makes it a secure context,
 * `supportFetchAPI` lets the page fetch its own assets. `corsEnabled` stays
 * off on purpose: Electron's loader lets cross-origin reads through for
 * cors-enabled schemes, and nothing else should read the app's files.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

export type AppRequestResolution =
  | { kind: 'file'; filePath: string; contentType: string }
  | { kind: 'refused'; status: 400 | 403 | 404; reason: 'not-app-url' | 'method' | 'bad-path' | 'traversal' | 'not-found' };

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers for every response the scheme serves: the CSP travels with every page, and nothing is sniffed or cached. */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

const appUrlPattern = new RegExp(`^${appScheme}://${appHost}(/[^?#]*)?([?#].*)?$`);

/**
 * Resolves a request URL to a file inside `rendererRoot`, or refuses it.
 *
 * Works on the raw URL text, not only on a parsed URL: a URL parser quietly
 * folds `..` and `%2e%2e` segments away, and Chromium has normally done so
 * too, but this function must be safe on its own. So every segment is
 * percent-decoded and refused if it is `.` or `..`, holds a slash, backslash,
 * colon (Windows drive letters and streams) or NUL, or is empty (`//etc`
 * would otherwise read as an absolute path). As a last guard the joined path
 * must still lie inside the root.
 *
 * Unknown paths without a file extension are routes of the single-page app
 * and get index.html; a missing file with an extension (a stale asset) is a
 * plain 404, so a broken build shows up as an error and not as a blank page.
 */
export function resolveAppRequest(
  url: string,
  rendererRoot: string,
  isFile: (absolutePath: string) => boolean,
  method = 'GET',
): AppRequestResolution {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refused', status: 403, reason: 'method' };
  const match = appUrlPattern.exec(url);
  if (!match) return { kind: 'refused', status: 403, reason: 'not-app-url' };

  const rawPath = match[1] ?? '/';
  const rawSegments = rawPath.split('/').slice(1);
  // A trailing slash ("/" itself, or "/assets/") names the folder's index.
  if (rawSegments[rawSegments.length - 1] === '') rawSegments.pop();

  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused', status: 400, reason: 'bad-path' };
    }
    if (segment === '.' || segment === '..') return { kind: 'refused', status: 403, reason: 'traversal' };
    if (segment === '' || /[/\\:\0]/.test(segment)) return { kind: 'refused', status: 403, reason: 'traversal' };
    segments.push(segment);
  }

  const root = path.resolve(rendererRoot);
  const index = path.join(root, 'index.html');
  if (segments.length === 0) return { kind: 'file', filePath: index, contentType: contentTypeFor(index) };

  const candidate = path.resolve(root, ...segments);
  const relative = path.relative(root, candidate);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { kind: 'refused', status: 403, reason: 'traversal' };
  }

  if (isFile(candidate)) return { kind: 'file', filePath: candidate, contentType: contentTypeFor(candidate) };
  const last = segments[segments.length - 1] ?? '';
  if (path.extname(last) === '') return { kind: 'file', filePath: index, contentType: contentTypeFor(index) };
  return { kind: 'refused', status: 404, reason: 'not-found' };
}
