import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appSchemePrivileges,
  contentTypeFor,
  resolveAppRequest,
  responseHeaders,
  type AppRequestResolution,
} from '../../../electron/main/protocol';
import { contentSecurityPolicy } from '../../../electron/main/security';

const root = path.resolve('/srv/sebaya/out/renderer');
const files = new Set(
  ['index.html', 'assets/index-abc123.js', 'assets/index-abc123.css', 'assets/inter.woff2', 'favicon.svg'].map((f) =>
    path.join(root, f),
  ),
);
const isFile = (p: string) => files.has(p);
const resolve = (url: string, method?: string): AppRequestResolution => resolveAppRequest(url, root, isFile, method);
const file = (relative: string) => path.join(root, relative);

describe('the app scheme', () => {
  it('is standard, secure and fetchable, and not opened to cross-origin reads', () => {
    expect(appSchemePrivileges.scheme).toBe('app');
    expect(appSchemePrivileges.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(appSchemePrivileges.privileges?.corsEnabled).toBeUndefined();
  });
});

describe('resolving an app request', () => {
  it('serves index.html for the root', () => {
    expect(resolve('app://sebaya/')).toEqual({ kind: 'file', filePath: file('index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolve('app://sebaya')).toMatchObject({ kind: 'file', filePath: file('index.html') });
    expect(resolve('app://sebaya/index.html')).toMatchObject({ kind: 'file', filePath: file('index.html') });
  });

  it('serves built assets with their content type, ignoring query and fragment', () => {
    expect(resolve('app://sebaya/assets/index-abc123.js?v=1#x')).toEqual({
      kind: 'file',
      filePath: file('assets/index-abc123.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolve('app://sebaya/assets/index-abc123.css')).toMatchObject({ contentType: 'text/css; charset=utf-8' });
    expect(resolve('app://sebaya/assets/inter.woff2')).toMatchObject({ contentType: 'font/woff2' });
  });

  it('decodes percent-encoded names of real files', () => {
    expect(resolve('app://sebaya/favicon%2Esvg')).toMatchObject({ kind: 'file', filePath: file('favicon.svg') });
  });

  it('falls back to index.html for unknown routes of the single-page app', () => {
    expect(resolve('app://sebaya/peers')).toMatchObject({ kind: 'file', filePath: file('index.html') });
    expect(resolve('app://sebaya/peers/42/edit')).toMatchObject({ kind: 'file', filePath: file('index.html') });
    expect(resolve('app://sebaya/assets/')).toMatchObject({ kind: 'file', filePath: file('index.html') });
  });

  it('answers 404 for a missing file with an extension instead of serving the page', () => {
    expect(resolve('app://sebaya/assets/missing-123.js')).toEqual({ kind: 'refused', status: 404, reason: 'not-found' });
  });

  it('refuses parent-directory segments, plain or percent-encoded', () => {
    for (const url of [
      'app://sebaya/../main/index.js',
      'app://sebaya/assets/../../main/index.js',
      'app://sebaya/%2e%2e/main/index.js',
      'app://sebaya/%2E%2E/%2E%2E/etc/passwd',
      'app://sebaya/.%2e/secret',
      'app://sebaya/assets/%2e%2e%2f%2e%2e%2fmain%2findex.js',
      'app://sebaya/./index.html',
    ]) {
      expect(resolve(url), url).toMatchObject({ kind: 'refused', status: 403, reason: 'traversal' });
    }
  });

  it('refuses absolute paths, backslashes, drive letters and NUL bytes', () => {
    for (const url of [
      'app://sebaya//etc/passwd',
      'app://sebaya/%2Fetc%2Fpasswd',
      'app://sebaya/..%5C..%5Cwindows%5Cwin.ini',
      'app://sebaya/assets\\..\\..\\secret',
      'app://sebaya/C:%5CWindows%5Cwin.ini',
      'app://sebaya/C:/Windows/win.ini',
      'app://sebaya/index.html%00.png',
    ]) {
      expect(resolve(url), url).toMatchObject({ kind: 'refused', status: 403 });
    }
  });

  it('refuses malformed percent-encoding', () => {
    expect(resolve('app://sebaya/%E0%A4%A')).toEqual({ kind: 'refused', status: 400, reason: 'bad-path' });
  });

  it('refuses other hosts, ports, user info and schemes', () => {
    for (const url of [
      'app://other/index.html',
      'app://sebaya.evil/index.html',
      'app://sebaya:80/index.html',
      'app://x@sebaya/index.html',
      'file:///srv/sebaya/out/renderer/index.html',
      'https://sebaya/index.html',
    ]) {
      expect(resolve(url), url).toEqual({ kind: 'refused', status: 403, reason: 'not-app-url' });
    }
  });

  it('serves only reads', () => {
    expect(resolve('app://sebaya/index.html', 'HEAD')).toMatchObject({ kind: 'file' });
    expect(resolve('app://sebaya/index.html', 'POST')).toEqual({ kind: 'refused', status: 403, reason: 'method' });
  });

  it('never resolves outside the renderer folder, whatever the path', () => {
    const samples = ['a', '..', '.', '%2e', '%2f', '%5c', 'b.js', 'C:', '%00', '', 'assets', '~', '%252e%252e'];
    for (const a of samples) {
      for (const b of samples) {
        const result = resolve(`app://sebaya/${a}/${b}`);
        if (result.kind === 'file') {
          const relative = path.relative(root, result.filePath);
          expect(relative.startsWith('..') || path.isAbsolute(relative), `${a}/${b}`).toBe(false);
        }
      }
    }
  });
});

describe('responses', () => {
  it('carry the CSP, forbid sniffing and caching, and send no referrer', () => {
    expect(responseHeaders('text/html; charset=utf-8')).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
  });

  it('name the content type by extension, case-insensitively, with a safe default', () => {
    expect(contentTypeFor('x/INDEX.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('logo.png')).toBe('image/png');
    expect(contentTypeFor('icon.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('data.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('module.wasm')).toBe('application/wasm');
    expect(contentTypeFor('unknown.xyz')).toBe('application/octet-stream');
    expect(contentTypeFor('README')).toBe('application/octet-stream');
  });
});
