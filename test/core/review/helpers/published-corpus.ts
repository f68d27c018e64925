import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Published government text (test/fixtures/scanner-corpus/published): notices, penalty decisions
 * with the parts the law publishes, annual reports, contact pages — text that was rightly made
 * public, so every high or blocker finding on it is a false alarm (issue 10).
 */
export const PUBLISHED_DIR = join(__dirname, '../../../fixtures/scanner-corpus/published')

export interface PublishedDoc {
  name: string
  text: string
}

export function loadPublishedCorpus(): PublishedDoc[] {
  return readdirSync(PUBLISHED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(PUBLISHED_DIR, name), 'utf8') }))
}
