import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * Vite's dev server injects an inline React-refresh script that the page's strict CSP meta tag
 * (`script-src 'self'`) would block. In `electron-vite dev` only, drop the meta tag: the main
 * process still sends a (dev-relaxed) CSP header. Built apps keep the strict tag.
 */
const devWithoutCspMeta = (): Plugin => ({
  name: 'dd-dev-without-csp-meta',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/i, ''),
})

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The worker-thread entry of core's pool (src/core/workers/pool.ts): out/main/worker.js.
          worker: resolve(__dirname, 'src/core/workers/worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require() packages: bundle everything it uses.
    build: {
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react(), devWithoutCspMeta()],
  },
})
