import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { channelNames, fail } from './contract/index';
import { changeEventName } from './contract/events';
import { flagValue, resolveBackupPolicy } from './data-dir';
import { dataDirEnv } from './data-dir';
import { printPdfInElectron } from './shell/pdf';
import { installMenu } from './shell/menu';
import { appSchemePrivileges } from './shell/app-protocol';
import { createMainWindow, guardContents, isTrustedSender, serveAppProtocol } from './shell/window';
import { HandlerWorker } from './worker/handler-worker';

/**
 * Electron lifecycle and wiring only; everything it wires is tested under Node through the host.
 * In development the SQLite module built for Electron lives apart from the Node build the tests
 * use (see README, "Native module"); a packaged app gets one rebuilt by electron-builder.
 */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const built = join(app.getAppPath(), '.native', 'electron', 'better_sqlite3.node');
  return existsSync(built) ? built : undefined;
}

function dataDir(): string {
  return flagValue(process.argv, '--data-dir') ?? process.env[dataDirEnv] ?? app.getPath('userData');
}

// A privileged scheme must be registered before the app is ready.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents));

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    // Checks (e.g. navigator.permissions.query) get the same answer as requests: nothing is granted.
    session.defaultSession.setPermissionCheckHandler(() => false);
    // This thread only routes: the library and the handlers run on the handler thread, a file of
    // its own in the build (out/main/handler-thread.js, see electron.vite.config.ts).
    const handlers = new HandlerWorker({
      entry: join(import.meta.dirname, 'handler-thread.js'),
      dataDir: dataDir(),
      nativeBinding: nativeBinding(),
      backups: resolveBackupPolicy(),
      resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'),
      version: app.getVersion(),
      transport: 'electron',
      printPdf: printPdfInElectron,
      rendererDir: join(import.meta.dirname, '../renderer'),
    });
    for (const channel of channelNames) {
      ipcMain.handle(channel, (event, input: unknown) =>
        isTrustedSender(event.senderFrame)
          ? handlers.dispatch(channel, input)
          : fail('forbidden_origin', 'This window may not use the app.'),
      );
    }
    handlers.onChanges((notice) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(changeEventName, notice);
    });
    installMenu(!app.isPackaged);
    serveAppProtocol();
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => (mainWindow = null));
    // The quit waits once for the handler thread to close its files, then goes ahead.
    let handlersClosed = false;
    app.on('before-quit', (event) => {
      if (handlersClosed) return;
      event.preventDefault();
      void handlers.close().finally(() => {
        handlersClosed = true;
        app.quit();
      });
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
