import type { Store } from './database'

/**
 * The AppCore's one handle on its open store: a restore swaps `store` in place, so every caller
 * reads `holder.store` at call time instead of keeping the database it was given.
 */
export interface StoreHolder {
  store: Store
}
