/**
 * The shell's security decisions as pure functions, so every rule has a unit
 * test and none of them needs an Electron binary (issue 2, "Electron shell").
 * Only a type is imported from 'electron'; it is erased at build time, so this
 * file loads under plain Node and vitest.
 *
 * Background: https://www.electronjs.org/docs/latest/tutorial/security
 */
import type { WebPreferences } from 'electron';

/** The renderer's own scheme and host: every page and asset of the app lives under `app://sebaya/`. */
export const appScheme = 'app';
export const appHost = 'sebaya';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

export interface WebPreferencesOptions {
  /** DevTools only in development; a packaged build has none (issue 2). */
  devTools?: boolean;
}

/**
 * Web preferences for every window. The renderer gets no Node, runs in
 * Chromium's sandbox, and is isolated from the preload's world; it reaches
 * the backend only through the bridge the preload exposes.
 */
export function webPreferences(preloadPath: string, options: WebPreferencesOptions = {}): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // Chromium's spellchecker sends nothing here, but it downloads dictionaries
    // from Google's servers and learns words typed into case notes.
    spellcheck: false,
    // A file dropped on the window must never replace the app with that file.
    navigateOnDragDrop: false,
    // Lets the user stop a page that opens alert() after alert().
    safeDialogs: true,
    devTools: options.devTools ?? false,
  };
}

/**
 * Content Security Policy for every response the app serves.
 *
 * `style-src` allows 'unsafe-inline' because Mantine (the component library)
 * writes its theme as CSS variables into a `<style>` element at run time and
 * sets `style` attributes for style props; CSP nonces and hashes cannot cover
 * style attributes, so there is no stricter setting that keeps Mantine
 * working. Inline styles cannot run code, and scripts stay 'self' only: no
 * inline scripts, no eval (zod falls back to its non-JIT path; renderers can
 * set `z.config({ jitless: true })` to skip even the probe).
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The Vite dev server's origin, only when running unpackaged under
 * `electron-vite dev` (which sets ELECTRON_RENDERER_URL), and only when it
 * points at this machine. A packaged app ignores the variable, so nobody can
 * point an installed Sebaya at another site by setting it.
 */
export function devServerOrigin(env: Record<string, string | undefined>, isPackaged: boolean): string | null {
  if (isPackaged) return null;
  const raw = env.ELECTRON_RENDERER_URL;
  if (!raw) return null;
  const url = parse(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null;
  if (url.username || url.password) return null;
  return url.origin;
}

/**
 * The CSP for the dev server's pages: like the real one, plus what Vite's
 * hot reload needs (the React refresh preamble is an inline script, and
 * updates arrive over a WebSocket to the same host and port).
 */
export function devContentSecurityPolicy(devOrigin: string): string {
  const socket = devOrigin.replace(/^http/, 'ws');
  return contentSecurityPolicy
    .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", `connect-src 'self' ${socket}`);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for `app://sebaya/...` and nothing else. Node's URL gives non-special
 * schemes an opaque origin ('null'), so this compares the parts instead: the
 * exact scheme and host, no user info, no port.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${appScheme}:` &&
    parsed.host === appHost &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

function isDevServerUrl(url: string, devOrigin: string | null | undefined): boolean {
  if (!devOrigin) return false;
  const parsed = parse(url);
  return parsed !== null && parsed.origin === devOrigin && parsed.username === '' && parsed.password === '';
}

/**
 * May this frame call the backend? Only the top-level frame of the app's own
 * page (or of the dev server's page in development). A subframe, a page that
 * somehow navigated away, or any other origin is refused: the IPC handler
 * checks this on every call, not once per window.
 */
export function isAllowedSender(frameUrl: string | null | undefined, isMainFrame: boolean, devOrigin?: string | null): boolean {
  if (!isMainFrame || !frameUrl) return false;
  return isAppUrl(frameUrl) || isDevServerUrl(frameUrl, devOrigin);
}

/**
 * Should the session refuse this request? Everything leaves the machine over
 * no network at all: only the app's own scheme is served, plus DevTools'
 * internal pages and, in development, the Vite dev server and its hot-reload
 * socket. `data:` and `blob:` never leave the process, and the CSP already
 * limits where they may be used.
 */
export function shouldBlockRequest(url: string, devOrigin?: string | null): boolean {
  const parsed = parse(url);
  if (!parsed) return true;
  if (isAppUrl(url)) return false;
  if (parsed.protocol === 'devtools:') return false;
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') {
    // blob: URLs carry their creator's origin; only the app's own are fine.
    return parsed.protocol === 'blob:' && !isAllowedBlob(url, devOrigin);
  }
  if (isDevServerUrl(url, devOrigin)) return false;
  if (devOrigin && (parsed.protocol === 'ws:' || parsed.protocol === 'wss:')) {
    const http = new URL(url);
    http.protocol = parsed.protocol === 'ws:' ? 'http:' : 'https:';
    return http.origin !== devOrigin;
  }
  return true;
}

function isAllowedBlob(url: string, devOrigin: string | null | undefined): boolean {
  const inner = url.slice('blob:'.length);
  return isAppUrl(inner) || isDevServerUrl(inner, devOrigin);
}
