import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { checkReportFile } from '../../../../src/core/report/check'
import { requireRenderer } from '../../../helpers/render-docx'
import { buildReportDocx } from '../../../fixtures/reports/build'
import { sampleNarrative, sampleTables } from '../../../fixtures/reports/sample'

const run = promisify(execFile)

/** Re-saves a .docx through LibreOffice (a third producer: its own WordprocessingML and HTML). */
async function resave(docx: Uint8Array, target: 'docx' | 'html'): Promise<Uint8Array> {
  const { soffice } = requireRenderer()
  const work = mkdtempSync(join(tmpdir(), `lo-check-${process.pid}-`))
  try {
    const source = join(work, 'report.docx')
    writeFileSync(source, docx)
    const out = join(work, 'out')
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        target === 'docx' ? 'docx:MS Word 2007 XML' : 'html',
        '--outdir',
        out,
        source,
      ],
      { timeout: 120_000 },
    )
    return new Uint8Array(readFileSync(join(out, `report.${target}`)))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

describe('check-report on a report re-saved by LibreOffice (another producer’s merges and markup)', () => {
  it('the WPS-style report re-saved as .docx and as .html passes; a wrong figure is still caught', async () => {
    const report = {
      department: '示范局',
      year: 2024,
      tables: sampleTables(),
      narrative: sampleNarrative(),
    }
    const original = await buildReportDocx(report, 'wps')
    for (const target of ['docx', 'html'] as const) {
      const result = await checkReportFile({
        bytes: await resave(original, target),
        fileName: `r.${target}`,
      })
      expect(result.failures, target).toEqual([])
      expect(result.tables, target).toEqual(report.tables)
    }
    const wrong = sampleTables()
    wrong.table3.carried_over!.legal_service = 2
    const bad = await buildReportDocx({ ...report, tables: wrong }, 'word')
    const result = await checkReportFile({ bytes: await resave(bad, 'docx'), fileName: 'bad.docx' })
    expect(result.failures.map((f) => `${f.rule}:${f.row}:${f.column}`)).toEqual([
      'T3-ROW-SUM:carried_over:total',
      'T3-BALANCE:total:legal_service',
    ])
  }, 180_000)
})
