import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { activitySaveSchema } from '../../src/shared/activities/schemas'
import { createUserSchema, setupSchema } from '../../src/shared/accounts/schemas'
import { requestRegisterSchema } from '../../src/shared/requests/schemas'
import { scheduleTaskUpdateSchema } from '../../src/shared/schedule/schemas'
import { fieldOf, limitOf, maxLengthOf } from '../../src/renderer/lib/schema-limits'

describe('limits read from the shared schemas (issue 10: enforced as you type)', () => {
  it('reads max length through trim, optional, nullable and default', () => {
    expect(maxLengthOf(z.string().trim().max(40))).toBe(40)
    expect(maxLengthOf(z.string().max(12).optional())).toBe(12)
    expect(maxLengthOf(z.string().max(7).nullable().default(null))).toBe(7)
    expect(
      maxLengthOf(
        z
          .string()
          .max(9)
          .transform((s) => s.toUpperCase()),
      ),
    ).toBe(9)
    expect(maxLengthOf(z.string())).toBeUndefined()
    expect(maxLengthOf(z.number().max(5))).toBeUndefined()
  })

  it('finds the field of an object schema, refined or not', () => {
    expect(limitOf(requestRegisterSchema, 'applicantName')).toEqual({ maxLength: 100 })
    expect(limitOf(requestRegisterSchema, 'content')).toEqual({ maxLength: 2000 })
    expect(limitOf(activitySaveSchema, 'title')).toEqual({ maxLength: 200 })
    expect(limitOf(scheduleTaskUpdateSchema, 'owner')).toEqual({ maxLength: 100 })
    expect(limitOf(requestRegisterSchema, 'channel')).toEqual({})
    expect(fieldOf(requestRegisterSchema, 'nope')).toBeUndefined()
  })

  it('accounts: the limits the login, setup and users forms use are the schemas’', () => {
    expect(limitOf(createUserSchema, 'username').maxLength).toBeGreaterThan(0)
    expect(limitOf(createUserSchema, 'displayName').maxLength).toBeGreaterThan(0)
    const department = fieldOf(setupSchema, 'department')!
    expect(limitOf(department, 'name').maxLength).toBeGreaterThan(0)
  })
})
