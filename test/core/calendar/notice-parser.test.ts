import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  parseHolidayNotice,
  readHolidayNotice,
  statutoryDays,
  statutoryDaysFor,
} from '../../../src/core/calendar/notice-parser'
import { packageCalendarYears } from '../../../src/core/calendar/package-years'

const fixture = (name: string) => readFileSync(`test/fixtures/calendar/${name}`, 'utf8')
const pkg = packageCalendarYears()

/** Reads `body` (numbered lines, not a whole year) under a title for `year`. */
const read = (year: number, ...lines: string[]) =>
  readHolidayNotice([`国务院办公厅关于${year}年部分节假日安排的通知`, ...lines].join('\n'))

describe('the real State Council notices parse to chinese-days’ data', () => {
  for (const year of [2024, 2025, 2026]) {
    it(`国务院办公厅关于${year}年部分节假日安排的通知`, () => {
      const n = parseHolidayNotice(fixture(`notice-${year}.txt`))
      const row = pkg.find((r) => r.year === year)!
      expect(n.year).toBe(year)
      expect(n.title).toBe(`国务院办公厅关于${year}年部分节假日安排的通知`)
      expect(n.holidays).toEqual(row.holidays)
      expect(n.workdays).toEqual(row.workdays)
    })
  }

  it('国务院办公厅关于2023年部分节假日安排的通知 — 元旦 from 2022年12月31日', () => {
    const n = parseHolidayNotice(fixture('notice-2023.txt'))
    const row = pkg.find((r) => r.year === 2023)!
    // chinese-days files 2022-12-31 under 2022; the notice names it as part of 2023's 元旦.
    expect(pkg.find((r) => r.year === 2022)!.holidays).toContain('2022-12-31')
    expect(n.holidays).toEqual(['2022-12-31', ...row.holidays])
    expect(n.workdays).toEqual(row.workdays)
  })

  it('2025: 13 statutory days, 元旦 1 day with no make-up day, 国庆节、中秋节 on one line', () => {
    const n = parseHolidayNotice(fixture('notice-2025.txt'))
    expect(n.festivals.map((f) => f.name)).toEqual([
      '元旦',
      '春节',
      '清明节',
      '劳动节',
      '端午节',
      '国庆节、中秋节',
    ])
    expect(n.festivals[0]).toMatchObject({ holidays: ['2025-01-01'], workdays: [], statedDays: 1 })
    expect(n.names['2025-10-08']).toBe('国庆节、中秋节')
  })

  it('2024: the encouragement to rest on 除夕 (2月9日) is not a day off, and is reported', () => {
    const n = parseHolidayNotice(fixture('notice-2024.txt'))
    expect(n.holidays).not.toContain('2024-02-09')
    expect(n.warnings).toEqual([expect.stringContaining('是倡议，不是放假安排，未计入')])
  })
})

describe('wording that differs from year to year', () => {
  it('「1月1日放假，1月2日（星期一）补休」: both days off', () => {
    const n = read(2017, '一、元旦：1月1日放假，1月2日（星期一）补休。')
    expect(n.holidays).toEqual(['2017-01-01', '2017-01-02'])
  })

  it('「5月1日放假，与周末连休」: only the named day is listed (the weekend is a weekend anyway)', () => {
    const n = read(
      2016,
      '三、劳动节：5月1日放假，5月2日（星期一）补休。',
      '五、端午节：6月10日放假，与周末连休。',
    )
    expect(n.holidays).toEqual(['2016-05-01', '2016-05-02', '2016-06-10'])
  })

  it('「（周三）放假1天，不调休」', () => {
    expect(read(2025, '一、元旦：1月1日（周三）放假1天，不调休。').holidays).toEqual(['2025-01-01'])
  })

  it('a range across months 「9月29日至10月6日」 and make-up days with 星期', () => {
    const n = read(
      2023,
      '六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。',
    )
    expect(n.holidays).toEqual([
      '2023-09-29',
      '2023-09-30',
      '2023-10-01',
      '2023-10-02',
      '2023-10-03',
      '2023-10-04',
      '2023-10-05',
      '2023-10-06',
    ])
    expect(n.workdays).toEqual(['2023-10-07', '2023-10-08'])
  })

  it('元旦 from the last day of the year before: 「2022年12月31日至2023年1月2日」 and 「12月31日至1月2日」', () => {
    const a = read(2023, '一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。')
    const b = read(2023, '一、元旦：12月31日至1月2日放假调休，共3天。')
    expect(a.holidays).toEqual(['2022-12-31', '2023-01-01', '2023-01-02'])
    expect(b.holidays).toEqual(a.holidays)
  })

  it('half-width punctuation, spaces and full-width digits read the same', () => {
    const full = read(
      2026,
      '二、春节：2月15日至23日放假调休，共9天。2月14日（星期六）、2月28日（星期六）上班。',
    )
    const half = read(
      2026,
      '二、春节: 2月15日 至 23日放假调休, 共9天. 2月14日(星期六)、2月28日(星期六)上班.',
    )
    const wide = read(
      2026,
      '二、春节：２月１５日至２３日放假调休，共９天。２月１４日（周六）、２月２８日（周六）上班。',
    )
    expect(half.holidays).toEqual(full.holidays)
    expect(half.workdays).toEqual(full.workdays)
    expect(wide.holidays).toEqual(full.holidays)
    expect(wide.workdays).toEqual(['2026-02-14', '2026-02-28'])
  })

  it('numbered items pasted as one paragraph are read one by one', () => {
    const text = fixture('notice-2026.txt').replace(/\n(?=[一二三四五六七]、)/g, '')
    const n = parseHolidayNotice(text)
    expect(n.festivals).toHaveLength(7)
    expect(n.holidays).toEqual(pkg.find((r) => r.year === 2026)!.holidays)
  })

  it('make-up days listed with the month left out of the second: 「2月14日（周六）、28日（周六）上班」', () => {
    const n = read(
      2026,
      '二、春节：2月15日至23日放假调休，共9天。2月14日（周六）、28日（周六）上班。',
    )
    expect(n.workdays).toEqual(['2026-02-14', '2026-02-28'])
  })

  it('lines numbered 1、 or 2. and lines pasted without their number', () => {
    const n = read(
      2026,
      '1、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。',
      '2.春节：2月15日至23日放假调休，共9天。2月14日（周六）、2月28日（周六）上班。',
      '国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。',
    )
    expect(n.festivals.map((f) => f.name)).toEqual(['元旦', '春节', '国庆节'])
    expect(n.workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-09-20',
      '2026-10-10',
    ])
  })

  it('takes the year from the argument when the title gives none, and asks for it otherwise', () => {
    const body = '一、元旦：1月1日（周五）至3日（周日）放假，共3天。'
    expect(readHolidayNotice(body, 2027).holidays).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ])
    expect(() => readHolidayNotice(body)).toThrow('无法从通知标题中读出年份')
    expect(() => parseHolidayNotice(fixture('notice-2026.txt'), 2027)).toThrow(
      '与填写的 2027 年不一致',
    )
  })
})

describe('refuses what it cannot read, naming the line — it never guesses', () => {
  it('an unknown phrasing', () => {
    expect(() => read(2027, '一、元旦：1月1日放假，共1天。', '二、春节：除夕至初六放假。')).toThrow(
      '无法识别通知第 3 行：「二、春节：除夕至初六放假。」',
    )
  })

  it('a weekday that does not match the date (wrong year pasted?)', () => {
    expect(() => read(2027, '一、元旦：1月1日（周四）放假，共1天。')).toThrow(
      '2027-01-01 是星期五，通知中写作「周四」',
    )
  })

  it('a stated total that does not match the range', () => {
    expect(() => read(2026, '七、国庆节：10月1日至7日放假调休，共8天。')).toThrow(
      '写明共 8 天，但所列放假日期共 7 天',
    )
  })

  it('an end day before the start day with no month', () => {
    expect(() => read(2026, '七、国庆节：10月8日至1日放假调休。')).toThrow('结束日期早于开始日期')
  })

  it('an impossible date', () => {
    expect(() => read(2026, '二、春节：2月30日放假。')).toThrow('2月30日不是有效日期')
  })

  it('a day both off and working', () => {
    expect(() => read(2026, '一、元旦：1月1日至3日放假，共3天。1月3日（周六）上班。')).toThrow(
      '既放假又上班',
    )
  })

  it('a line that states days off but is not a festival line', () => {
    expect(() =>
      read(2026, '一、元旦：1月1日放假，共1天。', '另外，12月31日（周四）下午放假。'),
    ).toThrow('无法识别通知第 3 行：「另外，12月31日（周四）下午放假。」——看起来是放假安排')
  })

  it('text without any numbered festival line', () => {
    expect(() =>
      parseHolidayNotice('国务院办公厅关于2027年部分节假日安排的通知\n通知如下。'),
    ).toThrow('通知中没有找到节日安排')
  })
})

/**
 * 《全国年节及纪念日放假办法》第二条: every year's notice arranges the seven festivals for all
 * citizens (元旦、春节、清明节、劳动节、端午节、中秋节、国庆节). A notice that lacks one, or names one
 * twice, is not a complete year and is refused before it can replace the stored calendar.
 */
describe('a notice must arrange each of the seven festivals exactly once (全国年节及纪念日放假办法第二条)', () => {
  const lines2026 = fixture('notice-2026.txt').split('\n')

  it('only the 元旦 line: refused, naming the six festivals missing', () => {
    const text = [
      '国务院办公厅关于2026年部分节假日安排的通知',
      '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。',
    ].join('\n')
    expect(() => parseHolidayNotice(text)).toThrow(
      '通知不完整：缺少春节、清明节、劳动节、端午节、中秋节、国庆节',
    )
  })

  it('the 国庆节 line removed: refused, naming 国庆节', () => {
    const text = lines2026.filter((l) => !l.startsWith('七、国庆节')).join('\n')
    expect(() => parseHolidayNotice(text)).toThrow('通知不完整：缺少国庆节')
  })

  it('the 春节 line twice: refused, naming 春节 and both lines', () => {
    const spring = lines2026.find((l) => l.startsWith('二、春节'))!
    const text = lines2026.flatMap((l) => (l === spring ? [l, l.replace('二、', '三、')] : [l]))
    expect(() => parseHolidayNotice(text.join('\n'))).toThrow('春节重复出现（第 7、8 行）')
  })

  it('中秋节 named on its own line and again on a joint 中秋节、国庆节 line: refused', () => {
    const text = lines2026
      .map((l) =>
        l.startsWith('七、国庆节') ? l.replace('七、国庆节：', '七、中秋节、国庆节：') : l,
      )
      .join('\n')
    expect(() => parseHolidayNotice(text)).toThrow('中秋节重复出现（第 11、12 行）')
  })

  it('a line naming something that is not one of the seven festivals: refused with that line', () => {
    const text = [...lines2026.slice(0, 12), '八、植树节：3月12日放假，共1天。'].join('\n')
    expect(() => parseHolidayNotice(text)).toThrow('「植树节」不是')
  })

  it('short names as pasted (清明、五一、端午、中秋) count as the festivals', () => {
    const text = fixture('notice-2026.txt')
      .replace('三、清明节：', '三、清明：')
      .replace('四、劳动节：', '四、五一：')
      .replace('五、端午节：', '五、端午：')
      .replace('六、中秋节：', '六、中秋：')
    expect(parseHolidayNotice(text).holidays).toEqual(pkg.find((r) => r.year === 2026)!.holidays)
  })

  it('the hypothetical 2027 test notice is complete (seven festivals, 13 statutory days)', () => {
    const n = parseHolidayNotice(fixture('notice-2027-test.txt'))
    expect(n.festivals).toHaveLength(7)
    expect(statutoryDays(n.holidays, n.workdays)).toBe(13)
  })
})

/**
 * The statutory days are not stated in a notice (「共N天」 counts the bridged weekend too). They
 * follow from it: each statutory day is a weekday off (one falling on a weekend gets a weekday
 * 补休, 放假办法第六条), and each other weekday off is paid back by one 调休 working day. So
 * statutory days = weekdays off − make-up working days. Checked here against chinese-days.
 */
describe('the statutory total of holiday days (全国年节及纪念日放假办法第二条)', () => {
  const row = (year: number) => pkg.find((r) => r.year === year)!

  it('chinese-days 2014–2024: 11 days a year (less the one-off extra days of 2015 and 2020)', () => {
    for (let year = 2014; year <= 2024; year++) {
      let { holidays, workdays } = row(year)
      if (year === 2015) {
        // 抗战胜利70周年纪念日: 9月3日–4日 off, 9月6日 worked — a separate one-off notice.
        expect(holidays).toEqual(expect.arrayContaining(['2015-09-03', '2015-09-04']))
        holidays = holidays.filter((d) => d !== '2015-09-03' && d !== '2015-09-04')
        workdays = workdays.filter((d) => d !== '2015-09-06')
      }
      if (year === 2020) {
        // 春节 extended to 2月2日 (2020, a separate notice): 1月31日–2月2日 added, 2月1日 no longer worked.
        holidays = holidays.filter((d) => !['2020-01-31', '2020-02-01', '2020-02-02'].includes(d))
        workdays = [...workdays, '2020-02-01']
      }
      expect({ year, days: statutoryDays(holidays, workdays) }).toEqual({ year, days: 11 })
    }
  })

  it('chinese-days 2025–2026: 13 days a year (春节 and 劳动节 one day longer from 2025)', () => {
    for (const year of [2025, 2026]) {
      const { holidays, workdays } = row(year)
      expect({ year, days: statutoryDays(holidays, workdays) }).toEqual({ year, days: 13 })
    }
    expect(statutoryDaysFor(2024)).toBe(11)
    expect(statutoryDaysFor(2025)).toBe(13)
  })

  it('the real notices 2023–2026 give the statutory total of their year', () => {
    for (const year of [2023, 2024, 2025, 2026]) {
      const n = parseHolidayNotice(fixture(`notice-${year}.txt`))
      expect(statutoryDays(n.holidays, n.workdays)).toBe(year >= 2025 ? 13 : 11)
    }
  })

  it('a complete notice one statutory day short: refused, with the count per festival', () => {
    // 劳动节 with a second make-up day: 5 days off but only 1 statutory day.
    const text = fixture('notice-2026.txt').replace(
      '5月9日（周六）上班',
      '4月26日（周日）、5月9日（周六）上班',
    )
    expect(() => parseHolidayNotice(text)).toThrow(
      '2026 年法定节假日应为 13 天，通知中算得 12 天（元旦 1、春节 4、清明节 1、劳动节 1、端午节 1、中秋节 1、国庆节 3）',
    )
  })

  it('a 2024 notice arranged as if the 2025 rules applied: refused (11 days then)', () => {
    const text = fixture('notice-2024.txt').replace(
      '4月28日（星期日）、5月11日（星期六）上班',
      '4月28日（星期日）上班',
    )
    expect(() => parseHolidayNotice(text)).toThrow('2024 年法定节假日应为 11 天，通知中算得 12 天')
  })
})
