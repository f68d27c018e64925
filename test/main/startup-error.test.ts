import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/core/errors'
import { STARTUP_ERROR_TITLE, startupErrorMessage } from '../../src/main/startup-error'

describe('startup error dialog', () => {
  it("shows core's Chinese message (e.g. a database from a newer version) and the data folder", () => {
    const error = new AppError(
      'DB_ERROR',
      '此数据库由更新版本的政务公开工作台创建，请升级本程序后再打开。',
    )
    const text = startupErrorMessage(error, '/home/u/.config/政务公开工作台')
    expect(text).toContain('请升级本程序后再打开')
    expect(text).toContain('/home/u/.config/政务公开工作台')
    expect(STARTUP_ERROR_TITLE).toBe('政务公开工作台无法启动')
  })

  it('does not show the raw text of unexpected errors', () => {
    const text = startupErrorMessage(new Error('SQLITE_CANTOPEN at /secret/path'), '/data')
    expect(text).not.toContain('SQLITE_CANTOPEN')
    expect(text).toContain('无法打开或初始化本机数据库')
  })
})
