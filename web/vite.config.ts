import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// The web app lives in web/ but imports zod contracts from ../contracts (with .ts extensions),
// so the dev server must be allowed to read the whole repository.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    fs: { allow: [repoRoot] },
    // HEARTH_API_URL points the proxy at a server on another port (default: npm start's 3000).
    proxy: {
      // Same-origin from the browser's point of view: cookies, CSRF and the WebSocket Origin check just work.
      '/api': { target: process.env.HEARTH_API_URL ?? 'http://127.0.0.1:3000', ws: true },
    },
  },
});
