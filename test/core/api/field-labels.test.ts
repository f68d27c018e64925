import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { fieldLabel, firstIssueMessage } from '../../../src/core/api/validation-message'
import { contract } from '../../../src/shared/contract'
import { createTestCore, type TestCore } from '../../helpers/test-core'

/**
 * Issue 10: errors name fields in Chinese only (「标题：最多 200 个字符」, never 「标题（title）」).
 * Every field of every input schema in the IPC contract has a Chinese name, so a new domain's
 * channel that forgets its labels fails here, naming the channel and the field.
 */

type Def = { type: string } & Record<string, unknown>
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def

/** Every object key reachable in a schema, with the path that reaches it. */
function fieldKeys(
  schema: unknown,
  path: string[] = [],
  out: [string, string][] = [],
  seen = new Set<unknown>(),
) {
  if (seen.has(schema)) return out
  seen.add(schema)
  const def = defOf(schema)
  const walk = (s: unknown, p = path) => fieldKeys(s, p, out, seen)
  switch (def.type) {
    case 'object':
      for (const [key, field] of Object.entries(def['shape'] as Record<string, unknown>)) {
        out.push([key, [...path, key].join('.')])
        walk(field, [...path, key])
      }
      break
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      walk(def['innerType'])
      break
    case 'pipe':
      walk(def['in'])
      walk(def['out'])
      break
    case 'array':
      walk(def['element'], [...path, '0'])
      break
    case 'union':
      for (const option of def['options'] as unknown[]) walk(option)
      break
    case 'intersection':
      walk(def['left'])
      walk(def['right'])
      break
    case 'record':
      walk(def['valueType'], [...path, '*'])
      break
    case 'tuple':
      for (const item of def['items'] as unknown[]) walk(item)
      break
    case 'lazy':
      walk((def['getter'] as () => unknown)())
      break
  }
  return out
}

describe('validation messages name fields in Chinese', () => {
  it('every field of every contract input schema has a Chinese name', () => {
    const missing: string[] = []
    let fields = 0
    for (const [channel, entry] of Object.entries(contract)) {
      for (const [key, path] of fieldKeys((entry as { input: z.ZodType }).input)) {
        fields++
        const label = fieldLabel(channel, key)
        // Chinese, and no Latin letters (a label is never the key in disguise).
        if (!label || !/\p{Script=Han}/u.test(label) || /[A-Za-z]/.test(label)) {
          missing.push(`${channel} ${path}`)
        }
      }
    }
    expect(fields).toBeGreaterThan(300)
    expect(missing).toEqual([])
  })

  it('the walker sees nested objects, arrays and unions (it cannot pass by seeing nothing)', () => {
    const keys = (channel: string) =>
      fieldKeys((contract as Record<string, { input: z.ZodType }>)[channel]!.input).map(
        ([, p]) => p,
      )
    expect(keys('setup:complete')).toEqual(
      expect.arrayContaining(['department.name', 'admin.password']),
    )
    expect(keys('requests:add-event')).toEqual(
      expect.arrayContaining(['kind', 'partyName', 'deadline']),
    )
  })

  it('a domain names its own fields: content is 申请内容 in requests, 公开内容 in the catalogue', () => {
    expect(fieldLabel('requests:register', 'content')).toBe('申请内容')
    expect(fieldLabel('catalogue:save', 'content')).toBe('公开内容')
    expect(fieldLabel('items:save', 'title')).toBe('标题')
  })

  it('says the field in Chinese only, with nesting and list positions, never the key', () => {
    const issue = (path: (string | number)[], message: string) =>
      ({ code: 'custom', path, message, input: undefined }) as unknown as z.core.$ZodIssue
    expect(firstIssueMessage([issue(['title'], '最多 200 个字符')], 'items:save')).toBe(
      '标题：最多 200 个字符',
    )
    expect(
      firstIssueMessage([issue(['admin', 'password'], '密码至少 8 位')], 'setup:complete'),
    ).toBe('管理员：密码至少 8 位')
    expect(
      firstIssueMessage([issue(['comments', 1, 'text'], '最多 2000 个字符')], 'review:decide'),
    ).toBe('审查意见 · 第 2 项 · 意见内容：最多 2000 个字符')
    // An unknown key is left out, not shown in English.
    expect(firstIssueMessage([issue(['zzUnknown'], '必填，请填写')], 'items:save')).toBe(
      '输入有误：必填，请填写',
    )
  })
})

describe('through the dispatcher', () => {
  let t: TestCore | undefined
  it('a 5,000-character title is refused as 「标题最多 300 个字符」, no English key', async () => {
    t = await createTestCore()
    const r = await t.send('items:save', { kind: 'notice', title: '长'.repeat(5000) })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.message).toBe('标题最多 300 个字符')
      expect(r.error.message).not.toMatch(/[A-Za-z]{3,}/)
    }
    const q = await t.send('requests:register', { applicantType: 'natural' } as never)
    expect(q.ok).toBe(false)
    if (!q.ok) expect(q.error.message).toBe('申请人姓名或名称：必填，请填写')
    await t.cleanup()
  })
})
