import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseHolidayIcs } from '../../../src/core/calendar/ics'
import { packageCalendarYears } from '../../../src/core/calendar/package-years'

const pkg = packageCalendarYears()

/** A minimal calendar with the given VEVENT bodies. */
function ics(...events: string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//CN',
    'X-WR-CALNAME:测试日历',
    ...events.map((e) => `BEGIN:VEVENT\r\nUID:${Math.random()}\r\n${e}\r\nEND:VEVENT`),
    'END:VCALENDAR',
  ].join('\r\n')
}

describe('.ics holiday calendars (ical.js)', () => {
  it('reads chinese-days’ own 2026 .ics to the same days: 「X(休)」 off, 「X(班)」 make-up', () => {
    const p = parseHolidayIcs(readFileSync('node_modules/chinese-days/dist/years/2026.ics', 'utf8'))
    const row = pkg.find((r) => r.year === 2026)!
    expect(p.calendarName).toBe('中国节假日')
    expect(p.years).toHaveLength(1)
    expect(p.years[0]!.holidays).toEqual(row.holidays)
    expect(p.years[0]!.workdays).toEqual(row.workdays)
    expect(p.years[0]!.names['2026-02-14']).toBe('春节')
  })

  it('DTEND is exclusive; 补班/上班 and X-APPLE-SPECIAL-DAY mark make-up days; other events are ignored with a warning', () => {
    const p = parseHolidayIcs(
      ics(
        'DTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270104\r\nSUMMARY:元旦放假',
        'DTSTART;VALUE=DATE:20270214\r\nSUMMARY:春节补班',
        'DTSTART;VALUE=DATE:20270220\r\nSUMMARY:春节\r\nX-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY',
        'DTSTART;VALUE=DATE:20270509\r\nSUMMARY:母亲节',
      ),
    )
    expect(p.years).toEqual([
      {
        year: 2027,
        holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
        workdays: ['2027-02-14', '2027-02-20'],
        names: {
          '2027-01-01': '元旦',
          '2027-01-02': '元旦',
          '2027-01-03': '元旦',
          '2027-02-14': '春节',
          '2027-02-20': '春节',
        },
      },
    ])
    expect(p.warnings).toEqual(['「母亲节」（2027-05-09）既不是放假也不是上班，已忽略'])
  })

  it('refuses a timed event, a file that is not iCalendar, and one with no holiday at all', () => {
    expect(() =>
      parseHolidayIcs(ics('DTSTART:20270101T090000\r\nDTEND:20270101T100000\r\nSUMMARY:元旦(休)')),
    ).toThrow('不是全天日程')
    expect(() => parseHolidayIcs('这不是日历')).toThrow('不是有效的 iCalendar 日历')
    expect(() => parseHolidayIcs(ics('DTSTART;VALUE=DATE:20270509\r\nSUMMARY:母亲节'))).toThrow(
      '没有放假或调休上班的日程',
    )
  })
})
