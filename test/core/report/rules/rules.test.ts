import { describe, expect, it } from 'vitest'
import {
  findQuantities,
  isError,
  parseChineseNumeral,
  runReportRules,
  splitSentences,
  type RuleFailure,
} from '../../../../src/core/report/rules'
import {
  SAMPLE_OTHER,
  SAMPLE_OVERVIEW,
  SAMPLE_RECORDS,
  sampleNarrative,
  samplePrior,
  sampleTables,
} from '../../../fixtures/reports/sample'

const rules = (failures: RuleFailure[], id: string) => failures.filter((f) => f.rule === id)

function run(overrides: Partial<Parameters<typeof runReportRules>[0]> = {}) {
  return runReportRules({
    tables: sampleTables(),
    prior: samplePrior(),
    narrative: sampleNarrative(),
    records: SAMPLE_RECORDS,
    ...overrides,
  })
}

describe('numbers as reports write them', () => {
  it('reads Chinese numerals', () => {
    expect(parseChineseNumeral('二百七十二')).toBe(272)
    expect(parseChineseNumeral('两千零五')).toBe(2005)
    expect(parseChineseNumeral('十九')).toBe(19)
    expect(parseChineseNumeral('一万二千')).toBe(12000)
    expect(parseChineseNumeral('一百零五')).toBe(105)
    expect(parseChineseNumeral('二〇二四')).toBe(2024)
  })
  it('finds quantities with units, not ordinals or durations', () => {
    const q = findQuantities(
      '依据条例第三十三条，在15个工作日内答复，共收到申请２５８件，收取1.2万元，予以公开二百七十二件',
    )
    expect(q.map((x) => [x.value, x.unit])).toEqual([
      [258, '件'],
      [12000, '元'],
      [272, '件'],
    ])
  })
  it('splits sentences with their offsets', () => {
    const s = splitSentences('甲。乙乙！\n丙')
    expect(s).toEqual([
      { text: '甲。', offset: 0 },
      { text: '乙乙！', offset: 2 },
      { text: '丙', offset: 6 },
    ])
  })
})

describe('report rules (国办公开办函〔2021〕30号 format, 条例第五十条)', () => {
  it('a correct report has no failure at all', () => {
    expect(run()).toEqual([])
  })

  it('table 三 row sum: 总计 = 自然人 + the five 法人或其他组织 columns', () => {
    const tables = sampleTables()
    tables.table3['1']!.total = 131
    const f = rules(run({ tables }), 'T3-ROW-SUM')
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({
      row: '1',
      column: 'total',
      severity: 'error',
      numbers: { total: 131, sum: 130 },
    })
    expect(f[0]!.message).toContain('表三 “三、本年度办理结果 › （一）予以公开” 行 “总计” 列为 131')
    expect(f[0]!.message).toContain('= 130，相差 1')
  })

  it('table 三 （七）总计 = the sum of the outcome rows, per column', () => {
    const tables = sampleTables()
    tables.table3['4.2']!.natural = 6
    tables.table3['4.2']!.total = 6
    const f = rules(run({ tables }), 'T3-TOTAL')
    expect(f.map((x) => x.column)).toEqual(['natural', 'total'])
    expect(f[0]!.numbers).toEqual({ total: 202, sum: 203 })
  })

  it('table 三 balance: 一 + 二 = 三（七）总计 + 四 (the corner cell 勾稽关系)', () => {
    const tables = sampleTables()
    tables.table3.carried_forward!.research = 1
    tables.table3.carried_forward!.total = 10
    const f = rules(run({ tables }), 'T3-BALANCE')
    expect(f.map((x) => x.column)).toEqual(['research', 'total'])
    expect(f[0]!.numbers).toEqual({ received: 3, carriedOver: 0, total: 3, carriedForward: 1 })
    expect(f[0]!.message).toContain(
      '表三 “科研机构” 列：一、本年新收 3 + 二、上年结转 0 = 3，但三（七）总计 3 + 四、结转下年度 1 = 4',
    )
  })

  it('table 四: each block’s 总计 = the sum of its four results', () => {
    const tables = sampleTables()
    tables.table4.litigation_direct!.total = 3
    const f = rules(run({ tables }), 'T4-SUM')
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ table: 'table4', row: 'litigation_direct', column: 'total' })
    expect(f[0]!.message).toContain('行政诉讼 › 未经复议直接起诉')
  })

  it('no negative numbers, counts are whole', () => {
    const tables = sampleTables()
    tables.table2.punishment!.decisions = -1
    tables.table3['5.4']!.other = 0.5
    const all = run({ tables })
    expect(rules(all, 'NEGATIVE')[0]).toMatchObject({ table: 'table2', row: 'punishment' })
    expect(rules(all, 'NOT-INTEGER')[0]).toMatchObject({
      table: 'table3',
      row: '5.4',
      column: 'other',
    })
  })

  it('a blank cell is reported as blank, apart from zeros, and is not an error by itself', () => {
    const tables = sampleTables()
    expect(tables.table3['3.1']!.natural).toBe(0)
    tables.table3['3.1']!.natural = null
    const all = run({ tables })
    const blanks = rules(all, 'BLANK')
    expect(blanks).toHaveLength(1)
    expect(blanks[0]).toMatchObject({ row: '3.1', column: 'natural', severity: 'warning' })
    expect(blanks[0]!.message).toContain('为空白')
    expect(all.filter(isError)).toEqual([])
  })

  it('a sum that fails with a blank cell says the blank counted as 0', () => {
    const tables = sampleTables()
    tables.table3['1']!.commercial = null
    const f = rules(run({ tables }), 'T3-ROW-SUM')[0]!
    expect(f.message).toContain('商业企业 空白')
    expect(f.message).toContain('（其中 1 个空白单元格按 0 计）')
  })

  it('cross-year: this year’s 上年结转 = last year’s 结转下年度', () => {
    const prior = samplePrior()
    prior.table3.carried_forward!.natural = 11
    const f = rules(run({ prior }), 'X-CARRY')
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({
      row: 'carried_over',
      column: 'natural',
      numbers: { thisYear: 10, lastYear: 11 },
    })
  })

  it('cross-year: 现行有效 continuity in table 二 is a soft check (warning)', () => {
    const prior = samplePrior()
    prior.table2.normative!.in_force = 30
    const f = rules(run({ prior }), 'X-IN-FORCE')
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({
      severity: 'warning',
      row: 'normative',
      numbers: { expected: 39, thisYear: 45 },
    })
  })

  it('cross-year: cases 尚未审结 last year come back this year', () => {
    const prior = samplePrior()
    prior.table4.litigation_after = { upheld: 0, corrected: 0, other: 0, pending: 2, total: 2 }
    const f = rules(run({ prior }), 'X-PENDING')
    expect(f[0]).toMatchObject({
      row: 'litigation_after',
      numbers: { lastYearPending: 2, thisYearTotal: 0 },
    })
  })

  it('reconciliation: row （六）2 = requests closed for an unpaid fee', () => {
    const f = rules(run({ records: { ...SAMPLE_RECORDS, feeLapsed: 4 } }), 'R-FEE-LAPSED')
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ row: '6.2', column: 'total', numbers: { table: 3, records: 4 } })
  })

  it('reconciliation: section 六’s fee amounts = the fee ledger', () => {
    const f = rules(
      run({ records: { ...SAMPLE_RECORDS, feesCollected: 300, feesBilled: 360 } }),
      'R-FEE-AMOUNT',
    )
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ section: 'other', numbers: { stated: 240, records: 300 } })
    expect(f[0]!.message).toContain('实收信息处理费 240元，但收费台账实收金额为 300元')
  })

  it('reconciliation: 「未收取信息处理费」 against a ledger that collected money', () => {
    const narrative = { ...sampleNarrative(), other: '本年度未收取信息处理费。' }
    const f = rules(run({ narrative }), 'R-FEE-AMOUNT')
    expect(f[0]!.numbers).toEqual({ stated: 0, records: 240 })
  })

  it('section 六 must state the 信息处理费', () => {
    const narrative = {
      ...sampleNarrative(),
      other: '2024年政务公开工作要点确定的任务已全部完成。',
    }
    expect(rules(run({ narrative }), 'N-FEE-STATEMENT')).toHaveLength(1)
  })

  it('narrative against tables: a number the text states that contradicts its table, with the sentence and its offset', () => {
    const overview = SAMPLE_OVERVIEW.replace('予以公开130件', '予以公开一百二十件')
    const f = rules(run({ narrative: { ...sampleNarrative(), overview } }), 'N-TABLE')
    expect(f).toHaveLength(1)
    const sentence = splitSentences(overview)[3]!
    expect(f[0]).toMatchObject({
      section: 'overview',
      sentence: sentence.text,
      offset: sentence.offset,
      length: sentence.text.length,
      table: 'table3',
      row: '1',
      column: 'total',
      numbers: { stated: 120, table: 130 },
    })
    expect(overview.slice(f[0]!.offset!, f[0]!.offset! + f[0]!.length!)).toContain(
      '予以公开一百二十件',
    )
    expect(f[0]!.message).toContain(
      '称予以公开 120件，但表三 “三、本年度办理结果 › （一）予以公开” 行 “总计” 列为 130',
    )
  })

  it('narrative: the issue’s example 「共收到政府信息公开申请258件」 / 「予以公开272件」', () => {
    const overview = '本年度共收到政府信息公开申请258件，予以公开272件。'
    const f = rules(run({ narrative: { ...sampleNarrative(), overview } }), 'N-TABLE')
    expect(f.map((x) => [x.row, x.numbers])).toEqual([['1', { stated: 272, table: 130 }]])
  })

  it('narrative: sums over sub-rows and applicant groups, table 二 and 四 figures, items published', () => {
    const cases: [string, string, string][] = [
      ['不予公开十九件', '不予公开二十件', '3.1'],
      ['法人或其他组织提出58件', '法人或其他组织提出57件', 'received'],
      ['上年结转13件', '上年结转12件', 'carried_over'],
      ['结转下年度继续办理9件', '结转下年度继续办理8件', 'carried_forward'],
      ['现行有效45件', '现行有效44件', 'normative'],
      ['废止3件', '废止4件', 'normative'],
      ['结果维持2件', '结果维持3件', 'reconsideration'],
      ['行政诉讼2件', '行政诉讼5件', 'litigation_direct'],
    ]
    for (const [from, to, row] of cases) {
      const overview = SAMPLE_OVERVIEW.replace(from, to)
      expect(overview).not.toBe(SAMPLE_OVERVIEW)
      const f = run({ narrative: { ...sampleNarrative(), overview } }).filter(
        (x) => x.rule === 'N-TABLE',
      )
      expect(f, to).toHaveLength(1)
      expect(f[0]!.row, to).toBe(row)
    }
    const overview = SAMPLE_OVERVIEW.replace('1234条', '1300条')
    expect(
      rules(run({ narrative: { ...sampleNarrative(), overview } }), 'N-ITEMS')[0]!.numbers,
    ).toEqual({
      stated: 1300,
      records: 1234,
    })
  })

  it('narrative: changes and estimates are not read as figures', () => {
    const overview = `${SAMPLE_OVERVIEW}\n收到的申请比上年增加20件，予以公开的约占一半。`
    expect(run({ narrative: { ...sampleNarrative(), overview } })).toEqual([])
  })

  it('the 2019 trial format: single （六） row, its own table 二, same arithmetic', () => {
    const tables = sampleTables('2019')
    expect(tables.table3['6']!.total).toBe(10)
    const narrative = {
      ...sampleNarrative(),
      overview: SAMPLE_OVERVIEW.replace(/现行有效45件/, ''),
    }
    const clean = runReportRules({ tables, narrative, records: SAMPLE_RECORDS })
    expect(clean).toEqual([])
    tables.table3['6']!.natural = 8
    const f = runReportRules({ tables, narrative, records: SAMPLE_RECORDS })
    expect(rules(f, 'T3-ROW-SUM')[0]).toMatchObject({ row: '6', numbers: { total: 10, sum: 11 } })
    expect(rules(f, 'T3-TOTAL')[0]).toMatchObject({ column: 'natural' })
    expect(f[0]!.message).toContain('国办公开办函〔2019〕60号')
  })

  it('section 六 sample mentions fee figures that match the ledger', () => {
    expect(SAMPLE_OTHER).toContain('实际收取240元')
  })
})

describe('narrative: numbers about other things are left alone', () => {
  it('a realistic section 一 and 六 with many unrelated figures gives no false failure', () => {
    const overview = [
      SAMPLE_OVERVIEW,
      '全年召开新闻发布会6场，举办政府开放日活动3次，组织政务公开业务培训2次、培训150人次。',
      '本年度通过政府门户网站发布政策解读32篇，其中图解15件、视频解读4件。',
      '依申请公开答复均在法定期限内完成，其中当面申请12件，网上申请200件，信函申请46件。',
      '制发行政规范性文件12件，印发其他文件30件。',
      '在执法公示平台发布行政许可公示18条、行政处罚信息25条；全年作出行政处罚决定37件。',
      '本年度收到政府信息公开申请258件，同比增长10.3%，较上年增加24件。',
    ].join('\n')
    const other = [
      SAMPLE_OTHER,
      '全年共办理人大代表建议23件、政协提案15件，办结45件，办结率100%，均已公开办理结果。',
      '收到群众来信120件，均已按期办理。',
    ].join('\n')
    expect(run({ narrative: { ...sampleNarrative(), overview, other } })).toEqual([])
  })
})

describe('cross-year rules of the 2019 trial format (国办公开办函〔2019〕60号)', () => {
  it('对外公开总数量 and 上一年项目数量 carry on from last year’s report (soft)', () => {
    const prior = sampleTables('2019')
    prior.table2.normative = { new_made: 10, new_published: 10, total_published: 33 }
    prior.table2.licensing = { last_year_items: 125, change: -2, decisions: 1400 }
    const tables = sampleTables('2019')
    const found = runReportRules({ tables, prior }).filter((f) => f.rule === 'X-TRIAL-TOTAL')
    // rules 2 + 0 = 2 ✓, normative 33 + 12 = 45 ✓, punishment 300 + 0 ✓, fees 5 + 0 ✓;
    // licensing 125 − 2 = 123 ≠ 120, other_services 30 + 2 = 32 ≠ 30, enforcement 20 + 1 = 21 ≠ 20.
    expect(found.map((f) => [f.row, f.numbers])).toEqual([
      ['licensing', { thisYear: 120, expected: 123 }],
      ['other_services', { thisYear: 30, expected: 32 }],
      ['enforcement', { thisYear: 20, expected: 21 }],
    ])
    expect(found[0]!.message).toContain('上年报告的上一年项目数量 125 + 本年增/减 -2 = 123')
    expect(found.every((f) => f.severity === 'warning')).toBe(true)
  })
})
