import { describe, expect, it } from 'vitest';
import {
  appEntryUrl,
  contentSecurityPolicy,
  devContentSecurityPolicy,
  devServerOrigin,
  isAllowedSender,
  isAppUrl,
  shouldBlockRequest,
  webPreferences,
} from '../../../electron/main/security';

const dev = 'http://localhost:5173';

describe('web preferences', () => {
  const prefs = webPreferences('/app/out/preload/index.js');

  it('isolate the page from the preload and run it in the sandbox without Node', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('turn off webviews, spellcheck and navigation by dropped files, and keep safe dialogs', () => {
    expect(prefs).toMatchObject({ webviewTag: false, spellcheck: false, navigateOnDragDrop: false, safeDialogs: true });
  });

  it('leave DevTools off unless development asks for them', () => {
    expect(prefs.devTools).toBe(false);
    expect(webPreferences('/p.js', { devTools: true }).devTools).toBe(true);
  });
});

describe('content security policy', () => {
  const directives = new Map(
    contentSecurityPolicy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  it('denies everything by default and allows scripts only from the app itself', () => {
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });

  it('allows inline styles, which Mantine needs, but no inline scripts', () => {
    expect(directives.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(directives.get('script-src')).not.toContain('unsafe-inline');
  });

  it('forbids base changes, form posts, framing and plugins', () => {
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('img-src')).toBe("'self' data:");
    expect(directives.get('font-src')).toBe("'self' data:");
  });

  it('is relaxed for the dev server only by inline scripts and its hot-reload socket', () => {
    const devCsp = devContentSecurityPolicy(dev);
    expect(devCsp).toContain("script-src 'self' 'unsafe-inline'");
    expect(devCsp).toContain("connect-src 'self' ws://localhost:5173");
    expect(devCsp).toContain("default-src 'none'");
  });
});

describe('dev server origin', () => {
  it('is taken from ELECTRON_RENDERER_URL when the app runs unpackaged', () => {
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toBe(dev);
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5174/' }, false)).toBe('http://127.0.0.1:5174');
  });

  it('is ignored in a packaged app, so an installed Sebaya cannot be pointed at another page', () => {
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeNull();
  });

  it('is refused when it is not a loopback http address', () => {
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'https://example.com' }, false)).toBeNull();
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://localhost.example.com:5173' }, false)).toBeNull();
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'file:///etc/passwd' }, false)).toBeNull();
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://user:pw@localhost:5173' }, false)).toBeNull();
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'not a url' }, false)).toBeNull();
    expect(devServerOrigin({}, false)).toBeNull();
  });
});

describe('app URLs', () => {
  it('are exactly the app scheme on the sebaya host', () => {
    expect(isAppUrl(appEntryUrl)).toBe(true);
    expect(isAppUrl('app://sebaya/')).toBe(true);
    expect(isAppUrl('app://sebaya/assets/index-abc.js?x=1#y')).toBe(true);
  });

  it('exclude other hosts, ports, user info, schemes and garbage', () => {
    for (const url of [
      'app://other/index.html',
      'app://sebaya.evil.example/',
      'app://sebaya:8080/',
      'app://user@sebaya/',
      'app://SEBAYA/',
      'https://sebaya/',
      'file:///index.html',
      'sebaya/index.html',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('IPC sender check', () => {
  it('allows the main frame of the app page', () => {
    expect(isAllowedSender('app://sebaya/index.html', true)).toBe(true);
    expect(isAllowedSender('app://sebaya/index.html#/peers', true)).toBe(true);
  });

  it('refuses a subframe even when it shows an app page', () => {
    expect(isAllowedSender('app://sebaya/index.html', false)).toBe(false);
  });

  it('refuses other origins, file pages and frames without a URL', () => {
    expect(isAllowedSender('https://example.com/', true)).toBe(false);
    expect(isAllowedSender('file:///home/x/index.html', true)).toBe(false);
    expect(isAllowedSender('about:blank', true)).toBe(false);
    expect(isAllowedSender('', true)).toBe(false);
    expect(isAllowedSender(null, true)).toBe(false);
    expect(isAllowedSender(undefined, true)).toBe(false);
  });

  it('allows the dev server page only when a dev server origin is given', () => {
    expect(isAllowedSender('http://localhost:5173/', true)).toBe(false);
    expect(isAllowedSender('http://localhost:5173/', true, dev)).toBe(true);
    expect(isAllowedSender('http://localhost:5174/', true, dev)).toBe(false);
    expect(isAllowedSender('http://localhost:5173/', false, dev)).toBe(false);
  });
});

describe('request blocking', () => {
  it('lets the app scheme and DevTools through', () => {
    expect(shouldBlockRequest('app://sebaya/index.html')).toBe(false);
    expect(shouldBlockRequest('app://sebaya/assets/font.woff2')).toBe(false);
    expect(shouldBlockRequest('devtools://devtools/bundled/devtools_app.html')).toBe(false);
  });

  it('blocks every network request and every local file', () => {
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'http://127.0.0.1:8080/api',
      'ws://localhost:5173/',
      'file:///etc/passwd',
      'ftp://example.com/',
      'app://other/index.html',
      'chrome://gpu',
      'not a url',
    ]) {
      expect(shouldBlockRequest(url), url).toBe(true);
    }
  });

  it('lets data URLs and the app’s own blob URLs through, but not foreign blobs', () => {
    expect(shouldBlockRequest('data:image/png;base64,AAAA')).toBe(false);
    expect(shouldBlockRequest('blob:app://sebaya/0f6c3d2e-1111-2222-3333-444455556666')).toBe(false);
    expect(shouldBlockRequest('blob:https://example.com/0f6c3d2e-1111-2222-3333-444455556666')).toBe(true);
  });

  it('lets the dev server and its hot-reload socket through in development only', () => {
    expect(shouldBlockRequest('http://localhost:5173/src/main.tsx', dev)).toBe(false);
    expect(shouldBlockRequest('ws://localhost:5173/?token=abc', dev)).toBe(false);
    expect(shouldBlockRequest('ws://localhost:5999/', dev)).toBe(true);
    expect(shouldBlockRequest('http://localhost:5174/', dev)).toBe(true);
    expect(shouldBlockRequest('https://example.com/', dev)).toBe(true);
  });
});
