import { empty } from '../schemas'
import type { HomeTodo } from './types'

/** Phantom marker carrying a channel's output type (as in shared/contract.ts). */
const out = <T>(): T => undefined as T

/** The home page's to-do list (我的待办). */
export const homeContract = {
  /** Counts (and the first rows) of what waits for the signed-in user, from each domain's query. */
  'home:todo': { input: empty, output: out<HomeTodo>() },
} as const
