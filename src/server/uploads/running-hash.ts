import { createHash, type Hash } from 'node:crypto'

/**
 * The whole-file SHA-256 of an upload kept running as its chunks arrive in order on this
 * instance, so the last chunk does not make the server read every stored chunk back to hash the
 * file (a 200 MB file: 200 MB less read and hashed at the end). A cache only, never the truth:
 * it lives in one instance's memory (another instance, a restart, chunks out of order or a
 * purge simply leave it incomplete — then the file is hashed from the stored chunks as before),
 * and its digest is used only when the chunk hashes it was fed are exactly the chunk hashes
 * stored (`chunkHashes`, compared by uploads-service.ts), so the digest is that of the stored
 * bytes. Bounded: the least recently fed uploads are forgotten first.
 */

/** Uploads remembered per instance (each entry is a hash state and one hash per chunk). */
export const RUNNING_HASHES_KEPT = 256

interface Running {
  hash: Hash
  /** The next chunk index this state can take. */
  next: number
  /** The own SHA-256 of each chunk fed, in order. */
  chunkHashes: string[]
}

export class RunningHashes {
  private readonly states = new Map<string, Running>()

  constructor(private readonly kept = RUNNING_HASHES_KEPT) {}

  private static key(departmentId: string, sha256: string, chunkSize: number): string {
    return `${departmentId}\u0000${sha256}\u0000${chunkSize}`
  }

  /**
   * A chunk newly stored for the upload: chunk 0 starts a fresh state; the next chunk in order
   * extends it; anything else (a gap, a repeat) is ignored and the state stays short of complete.
   */
  feed(
    departmentId: string,
    sha256: string,
    session: { chunk_size: number },
    index: number,
    chunkSha256: string,
    data: Uint8Array,
  ): void {
    const key = RunningHashes.key(departmentId, sha256, session.chunk_size)
    let state = this.states.get(key)
    if (index === 0) state = { hash: createHash('sha256'), next: 0, chunkHashes: [] }
    if (!state || state.next !== index) return
    state.hash.update(data)
    state.next++
    state.chunkHashes.push(chunkSha256)
    this.states.delete(key)
    this.states.set(key, state)
    while (this.states.size > this.kept) {
      this.states.delete(this.states.keys().next().value!)
    }
  }

  /**
   * The state of an upload fed with all `chunkCount` chunks in order — its digest and the chunk
   * hashes it covers — taken out of the cache; null when this instance did not see them all.
   */
  take(
    departmentId: string,
    sha256: string,
    session: { chunk_size: number; chunk_count: number },
  ): { digest: string; chunkHashes: string[] } | null {
    const key = RunningHashes.key(departmentId, sha256, session.chunk_size)
    const state = this.states.get(key)
    this.states.delete(key)
    if (!state || state.next !== session.chunk_count) return null
    return { digest: state.hash.digest('hex'), chunkHashes: state.chunkHashes }
  }

  /** Forgets an upload (its chunks were discarded). */
  drop(departmentId: string, sha256: string, session: { chunk_size: number }): void {
    this.states.delete(RunningHashes.key(departmentId, sha256, session.chunk_size))
  }

  get size(): number {
    return this.states.size
  }
}
