import type { Channel, ChannelOutput, ParsedInput } from '../../shared/contract'
import type { Result } from '../../shared/result'
import type { EventBus } from '../events/bus'
import type { IdSource } from '../ids'
import type { Logger } from '../logger'
import type { Platform } from '../platform'
import type { SyncWorker, SyncWorkerOptions } from '../sync/worker'

/** One handler per contract channel; it receives input already parsed by the channel's schema. */
export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<ChannelOutput<C>>
export type HandlerTable = { [C in Channel]: Handler<C> }

export interface AppCoreOptions {
  /** The app data folder: the database, automatic backups and (later) attachments live here. */
  dataDir: string
  /** Defaults to `<dataDir>/disclosure-desk.sqlite`. */
  dbPath?: string
  platform: Platform
  /** Injected so tests run with a fixed clock (architecture doc, principle 2). */
  clock?: () => Date
  appVersion: string
  /** The one logger; defaults to JSON lines on stderr. */
  logger?: Logger
  /** Id source; defaults to UUIDv7 (tests may pass a predictable one). */
  ids?: IdSource
  /** The sync worker's timers, randomness and HTTP (tests inject them to control time). */
  sync?: SyncWorkerOptions
}

export interface AppCore {
  handlers: HandlerTable
  /**
   * The one IPC entry point after the sender check: validates `channel` and `raw` input against the
   * contract, calls the handler, and converts every failure into a Result. Never throws.
   */
  dispatch(channel: string, raw: unknown): Promise<Result<unknown>>
  /** The sync worker (tests await `runOnce()`; the app only uses the `sync:*` channels). */
  sync: SyncWorker
  /** The domain events bus (core/events); tests subscribe to observe e.g. 'item.changed'. */
  events: EventBus
  close(): Promise<void>
}
