import type { FileDialogOptions, Platform } from '../../src/core/api/types'

/**
 * A Platform whose dialogs answer from queues the test fills (null = the user cancelled), and
 * which records what was asked and which links were opened.
 */
export interface StubPlatform extends Platform {
  saveAnswers: (string | null)[]
  openAnswers: (string | null)[]
  dialogs: FileDialogOptions[]
  openedUrls: string[]
}

/** Creates a stub Platform; unanswered dialogs behave as cancelled. */
export function createStubPlatform(): StubPlatform {
  const stub: StubPlatform = {
    saveAnswers: [],
    openAnswers: [],
    dialogs: [],
    openedUrls: [],
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
  }
  return stub
}
