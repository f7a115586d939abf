import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps a URL path to a file inside `root`, or null when it would leave the folder (`..`, encoded
 * slashes, NUL bytes, links pointing out) or names nothing. Paths without an extension fall back to index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').includes('..')) return null;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const candidate = join(root, relative);
  if (candidate !== root && !candidate.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const file = isFile(candidate) ? candidate : extname(relative) === '' ? join(root, 'index.html') : null;
  return file && isFile(file) && insideRealRoot(root, file) ? file : null;
}

/** A link inside the folder may point outside it: what counts is where the file really is. */
function insideRealRoot(root: string, file: string): boolean {
  try {
    const realRoot = realpathSync(root);
    const realFile = realpathSync(file);
    return realFile.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function contentTypeOf(file: string): string {
  return contentTypes[extname(file)] ?? 'application/octet-stream';
}

export function sendFile(response: ServerResponse, file: string, headOnly: boolean): void {
  response.statusCode = 200;
  response.setHeader('Content-Type', contentTypeOf(file));
  response.setHeader('Cache-Control', file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600');
  if (headOnly) {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}
