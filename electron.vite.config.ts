import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * The renderer's Content-Security-Policy lives in index.html as a placeholder: strict for builds
 * (the app on disk and the host), relaxed only for the dev server, whose hot reload needs inline
 * scripts and a websocket.
 */
const strictPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'";
/**
 * The phone page (room mode) needs even less: no data: or blob: pictures, no fonts. It matches the
 * header the room server sends (src-main/room/room-server.ts, roomContentSecurityPolicy) except
 * frame-ancestors, which a meta tag cannot carry; tests/unit/room checks the two agree.
 */
export const roomMetaPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'";
const devPolicy =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self' ws: http://localhost:*; base-uri 'none'; form-action 'none'";

function contentSecurityPolicy(): Plugin {
  let policy = strictPolicy;
  let roomPolicy = roomMetaPolicy;
  return {
    name: 'common-ground-csp',
    configResolved(config) {
      policy = config.command === 'serve' ? devPolicy : strictPolicy;
      roomPolicy = config.command === 'serve' ? devPolicy : roomMetaPolicy;
    },
    transformIndexHtml: (html) =>
      html.replace('%CONTENT_SECURITY_POLICY%', policy).replace('%ROOM_CONTENT_SECURITY_POLICY%', roomPolicy),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The handler thread is an entry of its own: index.js starts it with new Worker (see
      // src-main/worker/handler-worker.ts), so it is a file in out/main beside index.js.
      lib: { entry: { index: 'src-main/index.ts', 'handler-thread': 'src-main/worker/handler-thread.ts' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: 'src-main/preload.ts',
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: 'index.cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    build: {
      outDir: 'out/renderer',
      rolldownOptions: {
        // The app, and room mode's participant page for phones (served by src-main/room, not by the host).
        input: { main: 'src-renderer/index.html', room: 'src-renderer/room/index.html' },
      },
    },
    plugins: [react(), contentSecurityPolicy()],
  },
});
