import { describe, expect, it } from 'vitest'
import { feeAmount, perPageFee, perRequestFee } from '../../../src/core/requests/fees'

/** 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号), both progressive schemes at the tier edges. */
describe('信息处理费', () => {
  it('按件: 1–10 free, 11–30 at 100元/件, from the 31st +100元/件 every further 10 requests', () => {
    expect([1, 10, 11, 30, 31, 40, 41, 50, 51].map(perRequestFee)).toEqual([
      0, 0, 100, 100, 200, 200, 300, 300, 400,
    ])
  })

  it('按量: up to 30 pages free; 31–100 at 10元; 101–200 at 20元; 201+ at 40元 — marginal tiers', () => {
    expect(perPageFee(30)).toBe(0)
    expect(perPageFee(31)).toBe(10)
    expect(perPageFee(100)).toBe(700)
    expect(perPageFee(101)).toBe(720)
    expect(perPageFee(200)).toBe(2700)
    expect(perPageFee(201)).toBe(2740)
    expect(perPageFee(250)).toBe(4700)
  })

  it('one scheme per request; nonsense quantities are refused', () => {
    expect(feeAmount('per_request', 12)).toBe(100)
    expect(feeAmount('per_page', 12)).toBe(0)
    expect(() => perPageFee(0)).toThrow()
    expect(() => perRequestFee(1.5)).toThrow()
  })
})
