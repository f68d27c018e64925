import { z } from 'zod'

/** zod schemas of the backup channels. */

export const restoreSchema = z.strictObject({
  /** A file from `backup:list`, or omitted to let the user choose a file in a dialog. */
  file: z.string().min(1).max(4096).optional(),
  /** The token of a `backup:inspect` preview: restores exactly the file that was previewed. */
  token: z.string().min(1).max(64).optional(),
})

/** `backup:inspect`: a file from `backup:list`, or omitted to choose one in a dialog first. */
export const inspectBackupSchema = z.strictObject({
  file: z.string().min(1).max(4096).optional(),
})
