/** Public entry of core for the Electron main process, the e2e harness and the CLI. */
export { createAppCore } from './app-core'
export type { AppCore, AppCoreOptions, Handler, HandlerTable } from './types'
export type { FileDialogOptions, Platform } from '../platform'
export { AppError } from '../errors'
export { createLogger, type Logger } from '../logger'
