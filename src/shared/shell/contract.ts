import { out } from '../channel-output'
import { openExternalSchema } from './schemas'

/** Shell channels: what the desktop does for the page (composed into the one contract). */
export const shellContract = {
  /** Opens an http(s) link in the system browser after the user confirms. */
  'shell:open-external': { input: openExternalSchema, output: out<boolean>() },
} as const
