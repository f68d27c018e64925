import { empty } from '../fields'
import type { HomeTodo } from './types'
import { out } from '../channel-output'

/** The home page's to-do list (我的待办). */
export const homeContract = {
  /** Counts (and the first rows) of what waits for the signed-in user, from each domain's query. */
  'home:todo': { input: empty, output: out<HomeTodo>() },
} as const
