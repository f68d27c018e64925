import { describe, expect, it } from 'vitest'
import { parseBreakdown } from '../../../src/core/schedule/breakdown-parse'
import type { SheetGrid } from '../../../src/core/spreadsheet'

const grid = (rows: string[][], merges: SheetGrid['merges'] = []): SheetGrid => ({
  name: 'Sheet1',
  rows,
  merges,
  hidden: false,
  hiddenRows: [],
  hiddenColumns: [],
  comments: [],
})

describe('parseBreakdown (rules of the district table)', () => {
  it('a table whose only task column is 重点工作: numbering read from the text, sections from 「（一）」 rows', () => {
    const p = parseBreakdown(
      grid([
        ['序号', '重点工作', '责任领导', '责任单位', '完成时限'],
        ['（一）以政务公开助推重点工作落实'],
        ['', '1.做好扩大有效投资政策公开', '张三', '区发改局', '6月底前'],
        ['', '2、做好招商引资政策解读', '张三', '区投促中心', '持续推进'],
      ]),
      2024,
    )
    expect(p.errors).toEqual([])
    expect(
      p.tasks.map((t) => [t.section, t.number, t.requirement, t.leadLeader, t.deadline]),
    ).toEqual([
      ['（一）以政务公开助推重点工作落实', '1.', '做好扩大有效投资政策公开', '张三', '6月底前'],
      ['（一）以政务公开助推重点工作落实', '2、', '做好招商引资政策解读', '张三', '持续推进'],
    ])
  })

  it('a category row without a task of its own heads the tasks under it', () => {
    const p = parseBreakdown(
      grid([
        ['序号', '工作任务', '具体要求', '责任科室', '时限要求'],
        ['一', '政策解读', '', '', ''],
        ['1', '', '开展重点领域政策解读', '办公室', '2024-06-30'],
      ]),
      2024,
    )
    expect(p.tasks).toHaveLength(1)
    expect(p.tasks[0]).toMatchObject({
      section: '一 政策解读',
      requirement: '开展重点领域政策解读',
    })
  })

  it('a requirement merged down over two rows is one task; notes and footer lines are not tasks', () => {
    const p = parseBreakdown(
      grid(
        [
          ['序号', '重点工作', '具体任务', '责任单位', '完成时限'],
          ['1', '目录编制', '编制主动公开事项目录', '区示范局', '上半年'],
          ['', '', '', '区人社局', ''],
          ['注：本表由区政务公开办负责解释。'],
          ['填报人：李四', '', '联系电话：0533-1234567'],
        ],
        [
          { top: 1, left: 2, bottom: 2, right: 2 },
          { top: 3, left: 0, bottom: 3, right: 4 },
        ],
      ),
      2024,
    )
    expect(p.errors).toEqual([])
    expect(p.tasks.map((t) => t.requirement)).toEqual(['编制主动公开事项目录'])
    expect(p.notes).toEqual([
      '注：本表由区政务公开办负责解释。',
      '填报人：李四 联系电话：0533-1234567',
    ])
  })

  it('a row with content but no task names its cell', () => {
    const p = parseBreakdown(
      grid([
        ['序号', '重点工作', '具体任务', '责任单位', '完成时限'],
        ['1', '目录编制', '编制目录', '区示范局', '上半年'],
        ['2', '', '', '区人社局', '6月底前'],
      ]),
      2024,
    )
    expect(p.errors).toEqual([
      '工作表「Sheet1」第 3 行（C3 单元格）：这一行有内容但没有任务内容，请补全或删除该行',
    ])
  })

  it('reads a dated 进展情况 and 完成情况 back from a 配档表, and refuses an impossible date there', () => {
    const ok = parseBreakdown(
      grid([
        ['序号', '具体任务', '进展情况', '完成情况'],
        ['1', '编制目录', '2024-03-01：启动\n2024-04-01：完成初稿', '2024-06-20：已印发'],
      ]),
      2024,
    )
    expect(ok.tasks[0]).toMatchObject({
      progress: [
        { date: '2024-03-01', text: '启动' },
        { date: '2024-04-01', text: '完成初稿' },
      ],
      completedOn: '2024-06-20',
      completion: '已印发',
    })
    const bad = parseBreakdown(
      grid([
        ['序号', '具体任务', '进展情况'],
        ['1', '编制目录', '2024-02-30：启动'],
      ]),
      2024,
    )
    expect(bad.errors[0]).toMatch(
      /第 2 行（C2 单元格）：进展情况中的日期「2024-02-30」不是有效的日期/,
    )
  })
})
