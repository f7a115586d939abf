import { BrowserWindow, protocol, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appEntryUrl, appResponseHeaders, appScheme, resolveAppRequest } from './app-protocol';
import { isAppUrl, isSafeExternalUrl, secureWebPreferences } from './policy';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererDir = join(import.meta.dirname, '../renderer');

/** Serves the built renderer as app://common-ground/ (after app ready; the scheme is registered before). */
export function serveAppProtocol(): void {
  protocol.handle(appScheme, async (request) => {
    const file = request.method === 'GET' ? resolveAppRequest(rendererDir, request.url) : null;
    if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    return new Response(await readFile(file), { status: 200, headers: appResponseHeaders(file) });
  });
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 600,
    show: false,
    title: 'Common Ground',
    backgroundColor: '#f7f5f0',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadURL(appEntryUrl);
  return window;
}

/** Applied to every web contents: no navigation away, no new windows, no permissions. */
export function guardContents(contents: Electron.WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function isTrustedSender(frame: Electron.WebFrameMain | null): boolean {
  return frame !== null && isAppUrl(frame.url, devServerUrl);
}
