import type { Api } from '../shared/contract'

// The renderer's view of what the preload exposes (tsconfig.web.json includes this file).
declare global {
  interface Window {
    /** The app's IPC API, built from the contract: `window.api.<domain>.<verb>(input)`. */
    api: Api
  }
}

export {}
