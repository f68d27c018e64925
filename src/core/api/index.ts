/** Public entry of core for the Electron main process, the e2e harness and the CLI. */
export { createAppCore } from './app-core'
export type {
  AppCore,
  AppCoreOptions,
  FileDialogOptions,
  Handler,
  HandlerTable,
  Platform,
} from './types'
export { AppError } from '../errors'
export { createLogger, type Logger } from '../logger'
