import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TestCore } from '../../helpers/test-core'
import type { ImportPreview, ImportResult } from '../../../src/shared/schedule/types'
import type { BreakdownField } from '../../../src/shared/schedule/types'
import type { Result } from '../../../src/shared/result'

/** Writes `bytes` into the test's data folder and answers the next open dialog with it. */
export function offerFile(t: TestCore, name: string, bytes: Uint8Array): string {
  const path = join(t.dataDir, name)
  writeFileSync(path, bytes)
  t.platform.openAnswers.push(path)
  return path
}

/** Chooses the file in the dialog (preview), then imports it; the first failing Result wins. */
export async function importThroughUi(
  t: TestCore,
  name: string,
  bytes: Uint8Array,
  year = 2024,
  mapping?: Partial<Record<BreakdownField, number>>,
): Promise<{ preview: Result<ImportPreview | null>; result: Result<ImportResult> | null }> {
  offerFile(t, name, bytes)
  const preview = await t.send('schedule:import-preview', { year })
  if (!preview.ok || preview.data === null) return { preview, result: null }
  const result = await t.send('schedule:import-commit', {
    token: preview.data.token,
    year,
    ...(mapping ? { mapping } : {}),
  })
  return { preview, result }
}

/** Everything a broken import must leave as it was: the tasks and the audit trail. */
export async function snapshot(t: TestCore, year = 2024) {
  const tasks = await t.call('schedule:list', { year })
  const audit = await t.call('audit:list', { limit: 200 })
  return { tasks, auditTotal: audit.total }
}
