import { describe, expect, it } from 'vitest'
import {
  groupComments,
  jaccard,
  normaliseComment,
  resemblance,
  sameStance,
  shingles,
  SIMILARITY,
} from '../../../src/core/engagement/grouping'
import {
  FORM_LETTER,
  formLetter,
  generatedComments,
  OPINIONS_FOR_DRIFT,
  seeded,
} from './generated-comments'

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

/** A member of each group that every other member resembles directly (the group's medoid). */
const hasCentre = (group: string[], body: (id: string) => string) =>
  group.some((m) =>
    group.every((x) => x === m || resemblance(setOf(body(x)), setOf(body(m))).alike),
  )
const setOf = (text: string) => shingles(normaliseComment(text))

const OWN_WORDS = [
  '我家老人有多年的哮喘病，孩子也在附近的实验小学上学，每天上下学都要从规划的选址旁边经过，我们全家对此都非常担心，希望领导能认真考虑普通住户的实际困难。',
  '我在这个小区住了十几年，当初买房就是看中这里环境安静、离工业区远，现在突然要在楼下建中转站，邻居们在业主群里讨论了好几天，大家心里都很不踏实。',
  '本人是小区业委会成员，受部分业主委托转达意见，业主们上周已经自发收集了三百多份签名，材料随后可以补交给贵局，请予以重视并尽快答复我们。',
]

describe('groups are stars around a medoid, not chains; containment; opposite stances apart', () => {
  it('cuts a chain of 11 slowly drifting texts: the ends (Jaccard 0.00) are never one group', () => {
    const sentences = [...OPINIONS_FOR_DRIFT]
    const drift = Array.from({ length: 11 }, (_, i) => ({
      id: `d${i}`,
      body: sentences.slice(i, i + 10).join('。'),
    }))
    const body = (id: string) => drift.find((d) => d.id === id)!.body
    expect(jaccard(setOf(body('d0')), setOf(body('d1')))).toBeGreaterThan(SIMILARITY)
    expect(jaccard(setOf(body('d0')), setOf(body('d10')))).toBeLessThan(0.01)
    const groups = groupComments(drift)
    expect(groups.find((g) => g.includes('d0'))?.includes('d10') ?? false).toBe(false)
    // Every group has a centre that each member resembles directly; neighbours alone do not chain.
    for (const g of groups) expect(hasCentre(g, body)).toBe(true)
    expect(Math.max(...groups.map((g) => g.length))).toBeLessThanOrEqual(5)
  })

  it('groups a form letter with the sender’s own sentence in front or after it (containment), not a phrase or a quoting essay', () => {
    const withOwn = `${OWN_WORDS[0]}${OWN_WORDS[2]}${FORM_LETTER}`
    // The case the reviewer found: Jaccard under SIMILARITY, the letter wholly contained.
    const j = jaccard(setOf(FORM_LETTER), setOf(withOwn))
    expect(j).toBeLessThan(SIMILARITY)
    expect(j).toBeGreaterThan(0.45)
    const phrase = '坚决反对在小区北侧规划建设垃圾中转站'
    const essay = `${OWN_WORDS.join('')}${OWN_WORDS.map((w) => w.replace(/，/g, '；')).join('')}另外，${FORM_LETTER.slice(0, 40)}`
    const groups = groupComments([
      { id: 'plain', body: FORM_LETTER },
      { id: 'own-front', body: withOwn },
      { id: 'own-after', body: `${FORM_LETTER}${OWN_WORDS[1]}` },
      { id: 'phrase', body: phrase },
      { id: 'essay', body: essay },
    ])
    expect(groups).toEqual([['plain', 'own-front', 'own-after']])
  })

  it('keeps a 坚决反对 letter and a 坚决支持 letter apart, and 同意 from 不同意, however alike the rest', () => {
    const support = FORM_LETTER.replace('坚决反对', '坚决支持')
    expect(jaccard(setOf(FORM_LETTER), setOf(support))).toBeGreaterThan(0.69)
    expect(
      groupComments([
        { id: 'against', body: FORM_LETTER },
        { id: 'for', body: support },
      ]),
    ).toEqual([])
    expect(sameStance(FORM_LETTER, support)).toBe(false)
    const agree =
      '我们同意将社保缴纳年限由一年调整为六个月的修改方案，这样刚落户的小微企业也能及时享受补贴。'
    const disagree = agree.replace('我们同意', '我们不同意')
    const negated = agree.replace('也能及时享受', '也不能及时享受')
    expect(
      groupComments([
        { id: 'agree', body: agree },
        { id: 'disagree', body: disagree },
        { id: 'negated', body: negated },
      ]),
    ).toEqual([])
    // Synonyms that keep the stance, and own words in front (even with a 支持 in them), stay one letter.
    expect(sameStance(FORM_LETTER, FORM_LETTER.replace('坚决反对', '强烈反对'))).toBe(true)
    expect(
      sameStance(
        FORM_LETTER,
        `我支持邻居们的呼吁，也说说我家的情况：${OWN_WORDS[0]}${FORM_LETTER}`,
      ),
    ).toBe(true)
  })

  it('two campaigns, one against and one for, of 60 letters each among 300 distinct comments: two pure groups', () => {
    const r = seeded(21)
    const against = Array.from({ length: 60 }, (_, i) => ({
      id: `against-${i}`,
      body: formLetter(r),
    }))
    const forIt = Array.from({ length: 60 }, (_, i) => ({
      id: `for-${i}`,
      body: formLetter(r).replace(/(坚决|强烈)反对/, '$1支持'),
    }))
    const own = generatedComments(0, 300, 21)
    // Some senders put their own words in front of the letter.
    against.slice(0, 12).forEach((c, i) => (c.body = `${OWN_WORDS[i % 3]}${c.body}`))
    const groups = groupComments([...against, ...own, ...forIt])
    expect(groups).toHaveLength(2)
    const kinds = groups.map((g) => [...new Set(g.map((id) => id.split('-')[0]))])
    expect(kinds).toEqual([['against'], ['for']])
    expect(groups.map((g) => g.length)).toEqual([60, 60])
  })

  it('holds beyond the exact range (LSH candidates): 200 letters, 40 with own words, among 800 distinct comments', () => {
    const comments = generatedComments(200, 800, 9)
    let k = 0
    for (const c of comments) {
      if (c.id.startsWith('form-') && k < 40) c.body = `${OWN_WORDS[k++ % 3]}${c.body}`
    }
    const groups = groupComments(comments)
    const form = groups.filter((g) => g.some((id) => id.startsWith('form-')))
    expect(form).toHaveLength(1)
    expect(form[0]!.filter((id) => id.startsWith('form-'))).toHaveLength(200)
    expect(form[0]!.filter((id) => id.startsWith('own-'))).toEqual([])
  })
})
