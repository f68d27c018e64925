import { isAppError } from '../core/errors'

export const STARTUP_ERROR_TITLE = '政务公开工作台无法启动'

/**
 * The Chinese text of the dialog shown when core cannot start — typically the database cannot be
 * opened: written by a newer version, damaged, or not ours. Core's AppError messages already say
 * what to do; any other failure gets a generic explanation (its details go to the log only).
 */
export function startupErrorMessage(error: unknown, dataDir: string): string {
  const reason = isAppError(error)
    ? error.message
    : '无法打开或初始化本机数据库，程序将退出。您的数据未被修改。'
  return `${reason}\n\n数据目录：${dataDir}\n如问题持续，请联系本单位信息化管理员。`
}
