import { describe, expect, it } from 'vitest'
import { KeywordListError, parseKeywordList } from '../../../src/core/review'

describe('department keyword list (.txt)', () => {
  it('reads one word per line, skips comments and blanks, reads TAB severities', () => {
    const text =
      '\uFEFF# 本局敏感词\n拆迁底数\n\n重点目标\twarn\n安置名单\t提示\r\n  # 缩进的注释\n'
    expect(parseKeywordList(text)).toEqual([
      { word: '拆迁底数' },
      { word: '重点目标', severity: 'warn' },
      { word: '安置名单', severity: 'info' },
    ])
  })

  it('rejects an unknown severity with a Chinese message naming the line', () => {
    expect(() => parseKeywordList('甲\n乙\tsevere\n')).toThrow(KeywordListError)
    expect(() => parseKeywordList('甲\n乙\tsevere\n')).toThrow(/第 2 行/)
  })
})
