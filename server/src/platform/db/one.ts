/** The single row an insert or update … returning() must give back; none means a broken write. */
export function one<T>(rows: T[], what = 'write'): T {
  const [row] = rows
  if (!row) throw new Error(`${what} returned no row`)
  return row
}
