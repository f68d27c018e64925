/**
 * Bundled by the e2e harness (esbuild, IIFE) and injected with `page.addInitScript` before the
 * renderer runs: it builds `window.api` with the SAME `buildApi` the preload uses, over the
 * `__ddInvoke` binding that the harness wires to the real core's `dispatch`. Only Electron's IPC
 * transport is replaced (architecture doc, point 9).
 */
import { buildApi, type Api, type Invoke } from '../../src/shared/contract'

// Typed through globalThis: this file runs in the page, but is type-checked with the Node config.
const page = globalThis as unknown as { api: Api; __ddInvoke: Invoke }

page.api = buildApi((channel, input) => page.__ddInvoke(channel, input))
