import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'

/**
 * A restore as a recoverable state machine (issue 8 point 6). The marker file in the data folder
 * is written (and synced) before the first rename and updated after each step:
 *
 *   staged      the validated, migrated, already-audited copy waits beside the live database
 *   live-moved  the live database was moved into `replaced/`
 *   swapped     the copy was moved into place
 *   audited     the restored database opened and holds its restore entry; the marker goes next
 *
 * On start (openDatabase) an interrupted restore is finished or rolled back from what is actually
 * on disk, so a kill between any two steps leaves either the old or the new database — never none.
 * This module touches only files (no SQLite), so the database layer can call it before opening.
 */

export const RESTORE_STATES = ['staged', 'live-moved', 'swapped', 'audited'] as const
export type RestoreState = (typeof RESTORE_STATES)[number]

export interface RestoreMarker {
  state: RestoreState
  /** The live database path. */
  live: string
  /** The staged copy that replaces it. */
  staged: string
  /** Where the live database is kept (`replaced/<stamp>.sqlite`). */
  keptAt: string
  /** The backup the copy came from (for messages and the log). */
  from: string
  startedAt: string
}

export const MARKER_NAME = 'restore-in-progress.json'

/** The marker file of the database at `livePath` (in its folder). */
export const markerPath = (livePath: string): string => join(dirname(livePath), MARKER_NAME)

/** Writes `text` to `path` durably: a synced temp file renamed over it, then the folder synced. */
export function writeDurably(path: string, text: string): void {
  const temp = `${path}.tmp`
  writeFileSync(temp, text)
  syncFile(temp)
  renameSync(temp, path)
  syncFolder(dirname(path))
}

/** fsync of one file (so a power cut after a rename does not find it empty). */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** fsync of a folder (makes renames in it durable); not supported on Windows, where it is skipped. */
function syncFolder(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // EISDIR/EPERM on Windows: renames there are durable through the journal of NTFS.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

export function writeMarker(marker: RestoreMarker): void {
  writeDurably(markerPath(marker.live), `${JSON.stringify(marker, null, 2)}\n`)
}

export function readMarker(livePath: string): RestoreMarker | null {
  const path = markerPath(livePath)
  if (!existsSync(path)) return null
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Partial<RestoreMarker>
    const ok =
      typeof m.live === 'string' &&
      typeof m.staged === 'string' &&
      typeof m.keptAt === 'string' &&
      (RESTORE_STATES as readonly string[]).includes(m.state as string)
    return ok ? (m as RestoreMarker) : null
  } catch {
    return null
  }
}

export function removeMarker(livePath: string): void {
  rmSync(markerPath(livePath), { force: true })
  rmSync(`${markerPath(livePath)}.tmp`, { force: true })
}

/** Moves `from` (and its -wal/-shm companions, if any) to `to`. */
export function moveDatabaseFiles(from: string, to: string): void {
  renameSync(from, to)
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix)
  }
}

/** Removes a database file and its -wal/-shm companions, ignoring missing ones. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true })
}

/** What recovery did, for the log (and tests). */
export type Recovery =
  | { kind: 'none' }
  | { kind: 'rolled-back'; marker: RestoreMarker }
  | { kind: 'finished'; marker: RestoreMarker }

/**
 * Finishes or rolls back an interrupted restore of the database at `livePath`, judging by the
 * files themselves (the marker's state may lag one step behind a rename):
 * - the live file still in place and not yet kept aside → roll back (drop the staged copy);
 * - the live file moved aside and the staged copy ready → finish (move the copy in);
 * - both moved (swapped) → finished, only the marker remains to go;
 * - the live file moved aside and no copy (cannot happen unless deleted by hand) → put it back.
 * Also removes staged copies left by a crash before the marker was written.
 */
export function recoverInterruptedRestore(livePath: string): Recovery {
  const marker = readMarker(livePath)
  // The marker of another database in the same folder (a staged copy being opened): not ours.
  if (marker && resolve(marker.live) !== resolve(livePath)) return { kind: 'none' }
  if (!marker) {
    removeOrphanStagedCopies(livePath)
    removeMarker(livePath)
    return { kind: 'none' }
  }
  const liveThere = existsSync(livePath)
  const keptThere = existsSync(marker.keptAt)
  const stagedThere = existsSync(marker.staged)
  let result: Recovery
  if (liveThere && !keptThere) {
    removeDatabaseFiles(marker.staged)
    result = { kind: 'rolled-back', marker }
  } else if (!liveThere && stagedThere) {
    moveDatabaseFiles(marker.staged, livePath)
    result = { kind: 'finished', marker }
  } else if (!liveThere && keptThere) {
    moveDatabaseFiles(marker.keptAt, livePath)
    result = { kind: 'rolled-back', marker }
  } else {
    // Live in place and the old one kept: the swap happened.
    removeDatabaseFiles(marker.staged)
    result = { kind: 'finished', marker }
  }
  removeMarker(livePath)
  removeOrphanStagedCopies(livePath)
  return result
}

/** `<live>.restoring-<stamp>` files with no marker naming them: a crash before the marker. */
function removeOrphanStagedCopies(livePath: string): void {
  const dir = dirname(livePath)
  if (!existsSync(dir)) return
  const prefix = `${basename(livePath)}.restoring-`
  for (const name of readdirSync(dir)) {
    if (name.startsWith(prefix)) rmSync(join(dir, name), { force: true })
  }
}
