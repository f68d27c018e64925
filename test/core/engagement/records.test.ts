import { afterEach, describe, expect, it } from 'vitest'
import type { TestCore } from '../../helpers/test-core'
import { query } from '../review/workflow/helpers'
import { loginAs, OFFICER, REVIEWER, reviewCore } from './helpers'

let t: TestCore
afterEach(async () => {
  await t.cleanup()
})

/** The audit rows of a target, oldest first. */
function audit(target: string) {
  return query<{ action: string; actor_name: string; detail_json: string | null }>(
    t,
    'SELECT action, actor_name, detail_json FROM audit_log WHERE target = ? ORDER BY seq',
    target,
  ).map((r) => ({
    action: r.action,
    actor: r.actor_name,
    detail: JSON.parse(r.detail_json ?? '{}'),
  }))
}

function rowCount(table: string, id: string): number {
  return query<{ n: number }>(t, `SELECT count(*) AS n FROM ${table} WHERE id = ?`, id)[0]!.n
}

describe('监督员、列席和培训 records: saved (new or edited) and removed, every change audited', () => {
  it('a supervisor is added, edited in place and removed softly; each step audited with its name', async () => {
    t = await reviewCore()
    const added = await t.call('engagement:supervisor-save', {
      name: '周监督',
      organisation: '区人大代表',
      appointedOn: '2026-03-01',
      note: '',
    })
    const edited = await t.call('engagement:supervisor-save', {
      id: added.id,
      name: '周监督员',
      organisation: '区政协委员',
      appointedOn: null,
      note: '连任',
    })
    expect(edited).toEqual({
      id: added.id,
      name: '周监督员',
      organisation: '区政协委员',
      appointedOn: null,
      note: '连任',
    })
    expect(await t.call('engagement:supervisors', {})).toEqual([edited])
    expect(rowCount('engagement_supervisors', added.id)).toBe(1)
    expect(audit(`supervisor:${added.id}`)).toEqual([
      { action: 'supervisor.save', actor: OFFICER.displayName, detail: { name: '周监督' } },
      { action: 'supervisor.save', actor: OFFICER.displayName, detail: { name: '周监督员' } },
    ])

    await t.call('engagement:supervisor-remove', { id: added.id })
    expect(await t.call('engagement:supervisors', {})).toEqual([])
    expect(rowCount('engagement_supervisors', added.id)).toBe(1)
    expect(audit(`engagement_supervisors:${added.id}`).map((a) => a.action)).toEqual([
      'supervisors.remove',
    ])
    // A removed record can be neither edited nor removed again.
    const again = await t.send('engagement:supervisor-save', { ...edited, note: '又改' })
    expect(again.ok).toBe(false)
    if (!again.ok) {
      expect(again.error.code).toBe('NOT_FOUND')
      expect(again.error.message).toBe('找不到该监督员，可能已被删除')
    }
    const removedTwice = await t.send('engagement:supervisor-remove', { id: added.id })
    expect(removedTwice.ok).toBe(false)
  })

  it('a 列席 record keeps who created it when edited, and moves to the year of its new date', async () => {
    t = await reviewCore()
    const created = await t.call('engagement:attendance-save', {
      meeting: '区政府第 12 次常务会议',
      heldOn: '2026-06-18',
      attendees: [{ name: '赵企业', type: 'stakeholder' }],
      opinions: '',
      handling: '',
    })
    expect(created.createdByName).toBe(OFFICER.displayName)
    const edited = await t.call('engagement:attendance-save', {
      id: created.id,
      meeting: '区政府第 1 次常务会议',
      heldOn: '2027-01-08',
      attendees: [
        { name: '赵企业', type: 'stakeholder' },
        { name: '钱记者', type: 'media' },
      ],
      opinions: '建议网办。',
      handling: '已采纳。',
    })
    expect(edited).toMatchObject({
      id: created.id,
      meeting: '区政府第 1 次常务会议',
      heldOn: '2027-01-08',
      opinions: '建议网办。',
      handling: '已采纳。',
      createdByName: OFFICER.displayName,
    })
    expect(edited.attendees).toHaveLength(2)
    expect(await t.call('engagement:attendance', { year: 2026 })).toEqual([])
    expect(await t.call('engagement:attendance', { year: 2027 })).toEqual([edited])
    expect(audit(`attendance:${created.id}`)).toEqual([
      {
        action: 'attendance.save',
        actor: OFFICER.displayName,
        detail: { name: '区政府第 12 次常务会议' },
      },
      {
        action: 'attendance.save',
        actor: OFFICER.displayName,
        detail: { name: '区政府第 1 次常务会议' },
      },
    ])
    await t.call('engagement:attendance-remove', { id: created.id })
    expect(await t.call('engagement:attendance', { year: 2027 })).toEqual([])
    expect(audit(`engagement_attendance:${created.id}`).map((a) => a.action)).toEqual([
      'attendance.remove',
    ])
    const { createdByName: _by, ...input } = edited
    const gone = await t.send('engagement:attendance-save', input)
    expect(gone.ok).toBe(false)
    if (!gone.ok) expect(gone.error.message).toBe('找不到该列席记录，可能已被删除')
  })

  it('a training is edited in place and removed; a reviewer changes nothing', async () => {
    t = await reviewCore()
    const training = {
      heldOn: '2026-05-10',
      topic: '主动公开目录编制培训',
      organiser: '',
      participantCount: 20,
      participantRoles: '',
      hours: 2.5,
      materials: '',
    }
    const created = await t.call('engagement:training-save', training)
    const edited = await t.call('engagement:training-save', {
      ...training,
      id: created.id,
      topic: '政府信息公开条例专题培训',
      participantCount: 35,
      hours: 3,
    })
    expect(edited).toEqual({
      ...training,
      id: created.id,
      topic: '政府信息公开条例专题培训',
      participantCount: 35,
      hours: 3,
    })
    expect(await t.call('engagement:trainings', { year: 2026 })).toEqual([edited])
    expect(audit(`training:${created.id}`).map((a) => [a.action, a.detail.name])).toEqual([
      ['training.save', '主动公开目录编制培训'],
      ['training.save', '政府信息公开条例专题培训'],
    ])

    await loginAs(t, REVIEWER)
    const refused = await t.send('engagement:training-remove', { id: created.id })
    expect(refused.ok).toBe(false)
    const refusedEdit = await t.send('engagement:training-save', { ...edited, topic: '改' })
    expect(refusedEdit.ok).toBe(false)
    expect(audit(`engagement_trainings:${created.id}`)).toEqual([])

    await loginAs(t, OFFICER)
    await t.call('engagement:training-remove', { id: created.id })
    expect(await t.call('engagement:trainings', { year: 2026 })).toEqual([])
    expect(audit(`engagement_trainings:${created.id}`).map((a) => a.action)).toEqual([
      'trainings.remove',
    ])
    const gone = await t.send('engagement:training-save', { ...edited })
    expect(gone.ok).toBe(false)
    if (!gone.ok) expect(gone.error.message).toBe('找不到该培训记录，可能已被删除')
  })
})
