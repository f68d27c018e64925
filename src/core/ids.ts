import { v7 as uuidv7 } from 'uuid'

/** Injected id source (architecture doc, principle 2); tests may pass a predictable one. */
export type IdSource = () => string

/** The one id generator: time-ordered UUIDv7 (architecture doc, principle 11). */
export const newId: IdSource = () => uuidv7()
