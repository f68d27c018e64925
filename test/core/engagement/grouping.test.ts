import { describe, expect, it } from 'vitest'
import {
  groupComments,
  jaccard,
  normaliseComment,
  shingles,
  SIMILARITY,
} from '../../../src/core/engagement/grouping'
import { FORM_LETTER, generatedComments } from './generated-comments'

describe('duplicate and form-letter grouping (MinHash over 3-gram shingles, verified by Jaccard)', () => {
  it('groups all 100 near-identical form letters among 400 comments and merges no distinct comment', () => {
    const comments = generatedComments(100, 300)
    expect(comments).toHaveLength(400)
    const groups = groupComments(comments)
    const formGroup = groups.find((g) => g.some((id) => id.startsWith('form-')))
    expect(formGroup).toBeDefined()
    expect(formGroup!.filter((id) => id.startsWith('form-'))).toHaveLength(100)
    // No distinct comment is in any group, and the form letters are one group only.
    expect(groups.flat().filter((id) => id.startsWith('own-'))).toEqual([])
    expect(groups).toHaveLength(1)
  })

  it('holds for other seeds and two campaigns of different texts stay apart', () => {
    for (const seed of [1, 2, 3]) {
      const groups = groupComments(generatedComments(100, 300, seed))
      expect(groups).toHaveLength(1)
      expect(groups[0]).toHaveLength(100)
    }
    const other =
      '建议在产业园区增设公交线路，方便员工通勤，特别是早晚高峰时段的班次需要加密，并增加夜班车。'
    const mixed = [
      ...generatedComments(20, 0, 5),
      ...Array.from({ length: 10 }, (_, i) => ({ id: `bus-${i}`, body: `${other}——市民${i}号` })),
    ]
    const groups = groupComments(mixed)
    expect(groups).toHaveLength(2)
    expect(groups.map((g) => g.length).sort()).toEqual([10, 20])
  })

  it('treats punctuation, spaces and full-width forms as the same text', () => {
    expect(normaliseComment('同意， 本 方案！')).toBe(normaliseComment('同意,本方案!'))
    const a = shingles(normaliseComment(FORM_LETTER))
    const b = shingles(normaliseComment(FORM_LETTER.replace(/，/g, ', ')))
    expect(jaccard(a, b)).toBe(1)
  })

  it('keeps short different opinions apart and exact short duplicates together', () => {
    const groups = groupComments([
      { id: 'a', body: '同意' },
      { id: 'b', body: '赞成' },
      { id: 'c', body: '同意。' },
      { id: 'd', body: '' },
      { id: 'e', body: '' },
    ])
    expect(groups).toEqual([['a', 'c']])
    expect(SIMILARITY).toBeGreaterThan(0.5)
  })
})
