import { out } from '../channel-output'
import { empty } from '../fields'
import { settingsPatchSchema } from './schemas'
import type { AppSettings } from './types'

/** App settings channels (composed into the one contract by src/shared/contract.ts). */
export const settingsContract = {
  'settings:get': { input: empty, output: out<AppSettings>() },
  'settings:update': { input: settingsPatchSchema, output: out<AppSettings>() },
} as const
