import { describe, expect, it } from 'vitest'
import { findPostgresBin } from './helpers/postgres'

describe('the private PostgreSQL of the server tests', () => {
  it('finds initdb and pg_ctl on this machine', () => {
    expect(findPostgresBin()).toMatch(/bin$/)
  })

  it('fails with the install command when PostgreSQL is missing, instead of skipping', () => {
    expect(() => findPostgresBin('', '/nonexistent')).toThrow('apt-get install -y postgresql')
  })
})
