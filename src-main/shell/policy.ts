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
 * The app's own pages: files inside the built renderer folder, or the dev server while
 * developing. `rendererRoot` is a file: URL of that folder, ending in a slash.
 */
export function isAppUrl(url: string, devServerUrl: string | undefined, rendererRoot?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') {
    if (!rendererRoot) return false;
    return parsed.href.startsWith(rendererRoot) && !decodeURIComponent(parsed.pathname).split('/').includes('..');
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
