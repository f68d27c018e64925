import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { loadWorkCalendar } from '../../../src/core/calendar/load'
import { addCalendarYear } from '../../../src/core/calendar/service'
import { closeDatabase, openDatabase, type Store } from '../../../src/core/db/database'
import { createEventBus } from '../../../src/core/events/bus'
import { makeTempDir } from '../../helpers/temp-dir'

const clock = () => new Date('2026-12-01T01:00:00.000Z')

describe('loadWorkCalendar (cached per store)', () => {
  const open: Store[] = []
  const temp = makeTempDir()
  afterEach(async () => {
    for (const s of open.splice(0)) await closeDatabase(s)
  })
  afterAll(() => temp.cleanup())

  it('returns the same calendar while nothing changed, and sees a year another connection (the CLI) added', async () => {
    const file = join(temp.dir, 'desk.sqlite')
    const app = await openDatabase(file, { appVersion: 'test' })
    open.push(app)
    const first = await loadWorkCalendar(app.db)
    expect(await loadWorkCalendar(app.db)).toBe(first)
    expect(first.knows(2027)).toBe(false)

    const cli = await openDatabase(file, { appVersion: 'test' })
    open.push(cli)
    await addCalendarYear(
      { db: cli.db, clock, events: createEventBus() },
      { year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'manual' },
      null,
    )
    const after = await loadWorkCalendar(app.db)
    expect(after).not.toBe(first)
    expect(after.knows(2027)).toBe(true)
    expect(after.dayInfo('2027-01-01').kind).toBe('holiday')
  })
})
