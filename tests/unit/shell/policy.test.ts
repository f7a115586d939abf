import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl, secureWebPreferences } from '../../../src-main/shell/policy';

describe('secureWebPreferences', () => {
  const preferences = secureWebPreferences('/app/out/preload/index.cjs');

  it('keeps the renderer sandboxed and isolated from Node', () => {
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });
});

describe('isAppUrl', () => {
  const dev = 'http://localhost:5173';

  it('accepts the built renderer served as app://common-ground/, and no file: URL', () => {
    expect(isAppUrl('app://common-ground/index.html', undefined)).toBe(true);
    expect(isAppUrl('app://common-ground/assets/index.js#/settings', dev)).toBe(true);
    expect(isAppUrl('app://common-ground/', undefined)).toBe(true);
    expect(isAppUrl('app://evil/index.html', undefined)).toBe(false);
    expect(isAppUrl('app://user:pw@common-ground/index.html', undefined)).toBe(false);
    expect(isAppUrl('app://common-ground/..%2F..%2Fsecret.html', undefined)).toBe(false);
    expect(isAppUrl('app://common-ground/%E0%A4%A', undefined)).toBe(false);
    expect(isAppUrl('file:///opt/Common%20Ground/resources/app/out/renderer/index.html', undefined)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', dev)).toBe(false);
  });

  it('accepts the dev server origin while developing, any path on it', () => {
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx?t=1#x', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173/some/path/')).toBe(true);
  });

  it('refuses the dev server origin when there is no dev server', () => {
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', '')).toBe(false);
  });

  it.each([
    'https://example.com',
    'https://example.com/index.html',
    'http://localhost:5174/',
    'https://localhost:5173/',
    'http://127.0.0.1:5173/',
    'http://localhost:5173.evil.example/',
    'http://evil.example/?http://localhost:5173',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'chrome://settings',
    'garbage',
    '',
    '/index.html',
    '//localhost:5173/',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url, dev)).toBe(false);
  });

  it('refuses everything but app: when the dev server address is garbage', () => {
    expect(isAppUrl('http://localhost:5173/', 'not a url')).toBe(false);
    expect(isAppUrl('app://common-ground/index.html', 'not a url')).toBe(true);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    'https://en.wikipedia.org/wiki/Collective_impact',
    'HTTPS://EXAMPLE.ORG/',
    'mailto:facilitator@example.org',
    'mailto:?subject=Summary',
  ])('accepts %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://example.org',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'data:text/html,hi',
    'ftp://example.org',
    'smb://server/share',
    'ms-settings:privacy',
    'vbscript:msgbox',
    'about:blank',
    'https',
    'garbage',
    '',
    ' ',
    '//example.org',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});
