import type { FileDialogOptions, Platform, SecretStore } from '../../src/core/platform'

/**
 * A Platform whose dialogs answer from queues the test fills (null = the user cancelled), and
 * which records what was asked and which links were opened.
 */
export interface StubPlatform extends Platform {
  saveAnswers: (string | null)[]
  openAnswers: (string | null)[]
  dialogs: FileDialogOptions[]
  openedUrls: string[]
  /** Every OS notification core asked for. */
  notifications: { title: string; body: string }[]
  /** The in-memory secret store behind `secrets` (tests may inspect it). */
  secretValues: Map<string, string>
}

/** Creates a stub Platform; unanswered dialogs behave as cancelled. */
export function createStubPlatform(): StubPlatform {
  const secretValues = new Map<string, string>()
  const secrets: SecretStore = {
    get: async (key) => secretValues.get(key) ?? null,
    set: async (key, value) => {
      secretValues.set(key, value)
    },
    delete: async (key) => {
      secretValues.delete(key)
    },
  }
  const stub: StubPlatform = {
    secretValues,
    secrets,
    saveAnswers: [],
    openAnswers: [],
    dialogs: [],
    openedUrls: [],
    notifications: [],
    chooseSaveFile: async (options) => {
      stub.dialogs.push(options)
      return stub.saveAnswers.shift() ?? null
    },
    chooseOpenFile: async (options) => {
      stub.dialogs.push(options)
      return stub.openAnswers.shift() ?? null
    },
    openExternal: async (url) => {
      stub.openedUrls.push(url)
      return true
    },
    notify: (title, body) => {
      stub.notifications.push({ title, body })
    },
  }
  return stub
}
