import { extname } from 'node:path';
import { contentTypeOf, resolveStaticPath } from '../host/static-files';

/**
 * The packaged renderer is served as app://common-ground/… instead of file://, so the page has an
 * origin of its own (the CSP's 'self' means the app and nothing else on disk) and the
 * GrantFileProtocolExtraPrivileges fuse can be off. Kept free of Electron so it is unit-tested.
 */
export const appScheme = 'app';
export const appHost = 'common-ground';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** What registerSchemesAsPrivileged gets: a standard, secure scheme (fetch allowed, no CORS bypass). */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/**
 * The file an app:// request names inside the built renderer folder, or null: another scheme or
 * host, a path that leaves the folder (`..`, encoded slashes, NUL, links pointing out), or nothing
 * there. The same rules as the browser host's static files (src-main/host/static-files.ts).
 */
export function resolveAppRequest(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return null;
  if (parsed.username || parsed.password || parsed.port) return null;
  return resolveStaticPath(rendererDir, parsed.pathname);
}

/** Headers for a served file: its type, never sniffed. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentTypeOf(file),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': extname(file) === '.html' ? 'no-store' : 'no-cache',
  };
}
