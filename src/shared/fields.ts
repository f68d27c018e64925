import { z } from 'zod'
import { zodZh } from './zod-zh'

/**
 * zod building blocks every domain's schemas use (one definition each), and zod's own messages
 * (wrong type, missing field …) in Chinese in both worlds: one error map, set here once.
 */
z.config(zodZh())

/** The input of a channel that takes none. */
export const empty = z.strictObject({})

/** A row id (UUIDv7 or a fixture id). */
export const idSchema = z.string().min(1).max(64)

/** A revision number. */
export const revisionSchema = z.int().min(1).max(1_000_000_000)

/** An ISO calendar date (YYYY-MM-DD). */
export const isoDateSchema = z.iso.date('日期格式应为 YYYY-MM-DD')
