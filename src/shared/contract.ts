import type { z } from 'zod'
import { accountsContract } from './accounts/contract'
import { activitiesContract } from './activities/contract'
import { engagementContract } from './engagement/contract'
import { reportContract } from './report/contract'
import { auditContract } from './audit/contract'
import { backupContract } from './backup/contract'
import { calendarContract } from './calendar/contract'
import { catalogueContract } from './catalogue/contract'
import { homeContract } from './home/contract'
import { itemsContract } from './items/contract'
import { requestsContract } from './requests/contract'
import type { Result } from './result'
import { reviewContract } from './review/contract'
import { scheduleContract } from './schedule/contract'
import { settingsContract } from './settings/contract'
import { shellContract } from './shell/contract'
import { syncContract } from './sync/contract'

/**
 * The one IPC contract (architecture doc, principle 3): channel (`domain:verb`) → input schema and
 * output type. The preload API, the main wrapper, the renderer client and the e2e harness are all
 * built from it. Each domain declares its channels in `shared/<domain>/contract.ts`; this file only
 * composes the fragments (one spread line per domain).
 */
export const contract = {
  ...accountsContract,
  ...homeContract,
  ...auditContract,
  ...settingsContract,
  ...backupContract,
  ...shellContract,
  ...itemsContract,
  ...catalogueContract,
  ...reviewContract,
  ...syncContract,
  ...requestsContract,
  ...calendarContract,
  ...scheduleContract,
  ...activitiesContract,
  ...engagementContract,
  ...reportContract,
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = Contract[C]['output']

export const CHANNELS = Object.keys(contract) as Channel[]

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never
type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S
export type Domain = DomainOf<Channel>

/** `window.api`: `api.users.resetPassword(input)` for channel `users:reset-password`. */
export type Api = {
  [D in Domain]: {
    [C in Channel as C extends `${D}:${string}` ? Camel<VerbOf<C>> : never]: (
      input: ChannelInput<C>,
    ) => Promise<Result<ChannelOutput<C>>>
  }
}

/** Sends one channel's input and returns its Result; the only transport-specific piece. */
export type Invoke = (channel: Channel, input: unknown) => Promise<Result<unknown>>

const camel = (verb: string): string =>
  verb.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())

/**
 * Builds the named-function API from the contract. The preload passes an invoke over
 * `ipcRenderer.invoke`; the e2e harness passes one over `page.exposeBinding`. Only named
 * functions are exposed, never a generic invoke(channel).
 */
export function buildApi(invoke: Invoke): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {}
  for (const channel of CHANNELS) {
    const [domain = '', verb = ''] = channel.split(':')
    const group = (api[domain] ??= {})
    group[camel(verb)] = (input: unknown) => invoke(channel, input ?? {})
  }
  return api as unknown as Api
}
