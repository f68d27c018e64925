import { v7 as uuidv7 } from 'uuid'
import { canonicalJson, sha256 } from '../../src/core/audit/hash'
import { generateCorpus } from './chinese-corpus'
import { mulberry32, pick } from './prng'

/** One entry as a department's sync worker would push it. */
export interface SyncEntry {
  id: string
  revision: number
  contentHash: string
  item: Record<string, unknown>
}

const KINDS = ['notice', 'policy', 'plan', 'report', 'announcement']
const APPROVERS = ['王审核', '李主任', '张科长', '刘副局长']

/**
 * `count` approved items with Chinese titles and HTML bodies of about 1–2 KB (UTF-8), built from
 * the deterministic benchmark corpus so every run pushes the same bytes.
 */
export function generateSyncEntries(seed: number, count: number): SyncEntry[] {
  const rnd = mulberry32(seed)
  const paragraphs = generateCorpus(seed, count * 1600)
    .split('\n')
    .filter((p) => p.length > 20 && !p.includes('★'))
  const entries: SyncEntry[] = []
  let p = 0
  for (let i = 0; i < count; i++) {
    const target = 1000 + Math.floor(rnd() * 1000)
    let body = ''
    while (Buffer.byteLength(body, 'utf8') < target) {
      body += `<p>${paragraphs[p % paragraphs.length]}</p>`
      p++
    }
    const first = paragraphs[p % paragraphs.length] ?? '工作通知'
    const item = {
      title: `关于${first.slice(2, 14 + Math.floor(rnd() * 10))}的通知（第${i + 1}号）`,
      kind: pick(rnd, KINDS),
      bodyHtml: body,
      approvedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
      approvedBy: pick(rnd, APPROVERS),
      docNumber: `区政办发〔2026〕${i + 1}号`,
    }
    entries.push({
      id: uuidv7(),
      revision: 1,
      contentHash: `sha256:${sha256(canonicalJson(item))}`,
      item,
    })
  }
  return entries
}
