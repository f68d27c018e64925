/**
 * Phantom marker carrying a channel's output type; never read at run time. Every contract
 * fragment (`shared/<domain>/contract.ts`) and the composed contract use this one.
 */
export const out = <T>(): T => undefined as T
