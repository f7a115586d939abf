import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appEntryUrl,
  appResponseHeaders,
  appSchemePrivileges,
  resolveAppRequest,
} from '../../../src-main/shell/app-protocol';
import { isAppUrl } from '../../../src-main/shell/policy';
import { makeTempDir } from '../../fixtures/temp-dir';

const temp = makeTempDir('common-ground-app-protocol-');
const root = join(temp.dir, 'renderer');

beforeAll(() => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), '');
  writeFileSync(join(temp.dir, 'secret.txt'), 'secret');
  symlinkSync(join(temp.dir, 'secret.txt'), join(root, 'assets', 'link.txt'));
});
afterAll(() => temp.cleanup());

describe('resolveAppRequest', () => {
  it('maps app://common-ground/ paths to files of the built renderer', () => {
    expect(resolveAppRequest(root, appEntryUrl)).toBe(join(root, 'index.html'));
    expect(resolveAppRequest(root, 'app://common-ground/')).toBe(join(root, 'index.html'));
    expect(resolveAppRequest(root, 'app://common-ground/assets/app.js?v=1#x')).toBe(join(root, 'assets', 'app.js'));
    // Routes without an extension are the single page.
    expect(resolveAppRequest(root, 'app://common-ground/settings')).toBe(join(root, 'index.html'));
  });

  it.each([
    'app://common-ground/../secret.txt',
    'app://common-ground/%2e%2e/secret.txt',
    'app://common-ground/assets/..%2f..%2fsecret.txt',
    'app://common-ground/assets/..%5c..%5csecret.txt',
    'app://common-ground/assets/link.txt',
    'app://common-ground/index.html%00.js',
    'app://common-ground/%',
    'app://common-ground/missing.js',
    'app://other-host/index.html',
    'app://common-ground:8080/index.html',
    'app://user@common-ground/index.html',
    'file:///etc/passwd',
    `file://${root}/index.html`,
    'https://common-ground/index.html',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(root, url)).toBeNull();
  });

  it('serves the entry page without caching and nothing sniffed', () => {
    expect(appResponseHeaders(join(root, 'index.html'))).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    expect(appResponseHeaders(join(root, 'assets', 'app.js'))['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('registers a standard, secure scheme that does not bypass the CSP', () => {
    expect(appSchemePrivileges).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
    expect(isAppUrl(appEntryUrl, undefined)).toBe(true);
  });
});
