import { appHost, appScheme } from './app-protocol';
/**
 * Window and navigation policy, kept free of Electron imports so it is unit-tested under Node.
 */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // A middle click would otherwise ask for a new window; the open handler denies it anyway.
    disableBlinkFeatures: 'Auxclick',
    spellcheck: true,
  } as const;
}

/**
 * The app's own pages: the built renderer served as app://common-ground/ (see app-protocol.ts),
 * or the dev server while developing. file: URLs are never the app's, so a page opened from disk
 * can neither navigate the window nor call the app.
 */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${appScheme}:`) {
    if (parsed.host !== appHost || parsed.username || parsed.password) return false;
    try {
      return !decodeURIComponent(parsed.pathname).split('/').includes('..');
    } catch {
      return false;
    }
  }
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/** Links a person may open in their own browser; everything else is ignored. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}
