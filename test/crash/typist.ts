/**
 * The child process of the crash test (typing-crash.test.ts): opens the real store through core
 * (createAppCore on the data folder), logs in as the officer and "types" into an item's body — one
 * character every TYPE_INTERVAL_MS — saving through the editor's own path: the shared
 * AutosaveScheduler (debounce + throttle, the editor's timing) capturing the content when it fires
 * and `items:autosave` one at a time, in order. It prints `typed <count> <epoch ms>` per keystroke
 * and `saved <count> <epoch ms>` per committed autosave; the parent kills it with SIGKILL.
 */
import { createAppCore } from '../../src/core/api/app-core'
import { AutosaveScheduler } from '../../src/shared/items/autosave'
import type { ItemView } from '../../src/shared/items/types'
import { createStubPlatform } from '../helpers/stub-platform'

const TYPE_INTERVAL_MS = 40

const [dataArg, idArg, username, password, char = '字'] = process.argv.slice(2)
if (!dataArg || !idArg || !username || !password) {
  throw new Error('usage: typist <dataDir> <itemId> <user> <password> [char]')
}
const dataDir: string = dataArg
const itemId: string = idArg

async function main(): Promise<void> {
  const core = await createAppCore({
    dataDir,
    platform: createStubPlatform(),
    appVersion: '0.1.0',
    sync: { autoStart: false },
  })
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = (await core.dispatch(channel as never, input as never)) as {
      ok: boolean
      data?: T
      error?: { message: string }
    }
    if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`)
    return r.data as T
  }
  await call('auth:login', { username, password })
  let view = await call<ItemView>('items:get', { id: itemId })
  let typed = 0
  let queue: Promise<unknown> = Promise.resolve()

  const autosave = () => {
    scheduler.taken()
    // Captured when the timer fires, as the editor's getContent() does; saved in queue order.
    const count = typed
    const body = `<p>${char.repeat(count)}</p>`
    queue = queue.then(async () => {
      view = await call<ItemView>('items:autosave', {
        id: view.id,
        baseRevision: view.revision,
        baseContentHash: view.contentHash,
        kind: view.kind,
        title: view.title,
        bodyHtml: body,
        issuer: view.issuer,
        docNumber: view.docNumber,
        signedDate: view.signedDate,
        plannedPublishDate: view.plannedPublishDate,
        topicId: view.topicId,
        genreId: view.genreId,
        catalogueEntryId: view.catalogueEntryId,
      })
      process.stdout.write(`saved ${count} ${Date.now()}\n`)
    })
  }
  const scheduler = new AutosaveScheduler(autosave, {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
    now: () => Date.now(),
  })
  process.stdout.write(`ready 0 ${Date.now()}\n`)
  setInterval(() => {
    typed++
    process.stdout.write(`typed ${typed} ${Date.now()}\n`)
    scheduler.changed()
  }, TYPE_INTERVAL_MS)
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
