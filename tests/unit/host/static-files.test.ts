import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../../src-main/host/static-files';
import { makeTempDir } from '../../fixtures/temp-dir';
import { appJs, indexHtml, outsideSecret, rawRequest, startHostFixture, type HostFixture } from './host-fixture';

const passwd = (() => {
  try {
    return readFileSync('/etc/passwd', 'utf8');
  } catch {
    return null;
  }
})();

/** Paths that try to leave the renderer folder, as a hostile page or a curious person would send them. */
const traversals = [
  '/../package.json',
  '/../secret.txt',
  '/../../../../../../etc/passwd',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/%2e%2e/package.json',
  '/%2E%2E/secret.txt',
  '/assets/..%2f..%2fpackage.json',
  '/assets/..%2F..%2Fsecret.txt',
  '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
  '/..%5c..%5cpackage.json',
  '/assets/..\\..\\secret.txt',
  '/%00',
  '/index.html%00.js',
  '/assets/app.js%00',
  '/..%00/secret.txt',
  '/%252e%252e/secret.txt',
  '/.%2e/secret.txt',
  '//../secret.txt',
  '/%c0%ae%c0%ae/secret.txt',
  '/%',
];

describe('static files over HTTP', () => {
  let fixture: HostFixture;
  beforeEach(async () => {
    fixture = await startHostFixture();
  });
  afterEach(() => fixture.cleanup());

  it('serves index.html at / with the security headers', async () => {
    const response = await fetch(`${fixture.host.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(indexHtml);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('puts the same headers on API answers and refusals', async () => {
    const response = await fetch(`${fixture.host.url}/api/app.info`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('serves assets with their type, and app routes without an extension as index.html', async () => {
    const script = await fetch(`${fixture.host.url}/assets/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe(appJs);
    const route = await fetch(`${fixture.host.url}/partners?tab=all`);
    expect(await route.text()).toBe(indexHtml);
    expect((await fetch(`${fixture.host.url}/assets/missing.js`)).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods on files', async () => {
    const head = await fetch(`${fixture.host.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`${fixture.host.url}/`, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it.each(traversals)('never serves a file outside the renderer folder for %s', async (path) => {
    const response = await rawRequest(fixture.host.port, { path });
    expect([200, 400, 404]).toContain(response.status);
    if (response.status === 200) expect(response.body).toBe(indexHtml);
    expect(response.body).not.toContain(outsideSecret);
    if (passwd) expect(response.body).not.toContain(passwd.slice(0, 20));
  });
});

describe('resolveStaticPath', () => {
  const temp = makeTempDir('common-ground-static-');
  const root = join(temp.dir, 'renderer');

  beforeAll(() => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), indexHtml);
    writeFileSync(join(root, 'assets', 'app.js'), appJs);
    writeFileSync(join(temp.dir, 'secret.txt'), outsideSecret);
    mkdirSync(join(temp.dir, 'renderer-evil'));
    writeFileSync(join(temp.dir, 'renderer-evil', 'x.js'), outsideSecret);
  });
  afterAll(() => temp.cleanup());

  it('maps paths inside the folder to their files', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/assets/./app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/assets/app%2Ejs')).toBe(join(root, 'assets', 'app.js'));
  });

  it('falls back to index.html only for paths without an extension', () => {
    expect(resolveStaticPath(root, '/settings')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/partners/123')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/missing.js')).toBeNull();
    expect(resolveStaticPath(root, '/assets/missing.css')).toBeNull();
  });

  it.each(traversals)('refuses or keeps inside the folder: %s', (path) => {
    const file = resolveStaticPath(root, path);
    if (file !== null) {
      expect(file.startsWith(root + '/')).toBe(true);
      expect(readFileSync(file, 'utf8')).not.toContain(outsideSecret);
    }
  });

  it('refuses dot-dot, backslashes, NUL bytes and malformed escapes outright', () => {
    for (const path of [
      '/../secret.txt',
      '/a/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets\\app.js',
      '/%5c',
      '/app.js%00',
      '/%E0%A4%A',
      '/%',
    ]) {
      expect(resolveStaticPath(root, path), path).toBeNull();
    }
  });

  it('refuses a link inside the folder that points outside it', () => {
    symlinkSync(join(temp.dir, 'secret.txt'), join(root, 'link.txt'));
    symlinkSync(temp.dir, join(root, 'linked-folder'));
    expect(resolveStaticPath(root, '/link.txt')).toBeNull();
    expect(resolveStaticPath(root, '/linked-folder/secret.txt')).toBeNull();
  });

  it('does not treat a sibling folder sharing the prefix as inside', () => {
    expect(resolveStaticPath(root, '/../renderer-evil/x.js')).toBeNull();
    expect(resolveStaticPath(join(temp.dir, 'renderer'), '/..%2frenderer-evil%2fx.js')).toBeNull();
  });

  it('returns null when the folder has no index.html to fall back to', () => {
    expect(resolveStaticPath(join(temp.dir, 'renderer-evil'), '/settings')).toBeNull();
    expect(resolveStaticPath(join(temp.dir, 'nowhere'), '/')).toBeNull();
  });
});
