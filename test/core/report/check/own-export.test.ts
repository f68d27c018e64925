import { describe, expect, it } from 'vitest'
import { checkReportFile } from '../../../../src/core/report/check'
import {
  reportDocx,
  reportXlsx,
  type ReportDocumentInput,
} from '../../../../src/core/report/export'
import { reportTitle } from '../../../../src/shared/report/format'
import { sampleNarrative, sampleTables } from '../../../fixtures/reports/sample'

function input(format: '2021' | '2019' = '2021'): ReportDocumentInput {
  const year = format === '2021' ? 2024 : 2020
  return {
    year,
    format,
    title: reportTitle('示范局', year),
    department: '示范局',
    tables: sampleTables(format),
    rendered: sampleNarrative(),
    charts: {
      outcomes: [
        { label: '予以公开', value: 130 },
        { label: '部分公开', value: 41 },
      ],
      itemsByKind: [{ label: '政策文件', value: 12 }],
    },
  }
}

describe('check-report on our own export passes (round trip through REPORT’s exporter)', () => {
  for (const format of ['2021', '2019'] as const) {
    it(`.docx, ${format} format: every cell read back, no failure`, async () => {
      const i = input(format)
      const bytes = new Uint8Array(await reportDocx(i))
      const result = await checkReportFile({ bytes, fileName: '示范局年度报告.docx' })
      expect(result.failures).toEqual([])
      expect(result.format).toBe(format)
      expect(result.year).toBe(i.year)
      expect(result.tables).toEqual(i.tables)
      expect(result.narrative.overview).toBe(i.rendered.overview)
    }, 60_000)

    it(`.xlsx, ${format} format: every cell read back, no failure`, async () => {
      const i = input(format)
      const bytes = new Uint8Array(await reportXlsx(i))
      const result = await checkReportFile({ bytes, fileName: '示范局年度报告.xlsx' })
      expect(result.failures).toEqual([])
      expect(result.format).toBe(format)
      expect(result.tables).toEqual(i.tables)
    }, 60_000)
  }

  it('a wrong figure in our own export is caught', async () => {
    const i = input()
    i.tables.table4.reconsideration!.total = 5
    const result = await checkReportFile({
      bytes: new Uint8Array(await reportDocx(i)),
      fileName: 'x.docx',
    })
    expect(result.failures.map((f) => f.rule)).toEqual(['T4-SUM', 'N-TABLE'])
  }, 60_000)
})
