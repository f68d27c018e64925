/**
 * The newest version of a versioned document (the checklist, the chain), writing the built-in
 * version 1 only when none exists: a read must not take SQLite's write lock on every call.
 */
export async function newestOrSeed<T>(
  newest: () => Promise<T | undefined>,
  seed: () => Promise<unknown>,
  what: string,
): Promise<T> {
  const row = await newest()
  if (row) return row
  await seed()
  const seeded = await newest()
  if (!seeded) throw new Error(`${what} missing after seeding`)
  return seeded
}
