import type { ColumnType } from 'kysely'

/** A bigint column: pg answers bigint as a string, SQLite as a number — read through Number(). */
type BigintColumn = ColumnType<number | string, number, number>

/** One resumable upload of a file by a department (migration 0210). */
export interface UploadSessionsTable {
  department_id: string
  /** Lowercase hex SHA-256 of the whole file: the upload's name, never a client file name. */
  sha256: string
  size: BigintColumn
  chunk_size: number
  chunk_count: number
  created_at: string
  updated_at: string
  completed_at: string | null
}

/** The bytes of one chunk of an upload. */
export interface UploadChunksTable {
  department_id: string
  sha256: string
  idx: number
  chunk_sha256: string
  size: number
  data: Buffer
  received_at: string
}

/** A verified file of the district (content-addressed); bytes = the source session's chunks. */
export interface UploadBlobsTable {
  sha256: string
  size: BigintColumn
  source_department_id: string
  completed_at: string
}

/** The files an item's latest revision names. */
export interface ItemAttachmentsTable {
  item_id: string
  position: number
  sha256: string
  name: string
  size: BigintColumn
}

/** One rate-limit counter shared by the instances (migration 0211). */
export interface RateLimitCountersTable {
  key: string
  window_start: BigintColumn
  count: number
  /** The counter's own window length in ms (migration 0240): swept once start + window is past. */
  window_ms: BigintColumn
}
