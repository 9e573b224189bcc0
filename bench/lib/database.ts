// Creating, dropping and probing the bench database through the server's maintenance database.
import pg from 'pg'

function split(url: string) {
  const u = new URL(url)
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''))
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`unusable database name in ${url}`)
  u.pathname = '/postgres'
  return { name, admin: u.toString() }
}

async function withAdmin<T>(url: string, run: (client: pg.Client, name: string) => Promise<T>) {
  const { name, admin } = split(url)
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  try {
    return await run(client, name)
  } finally {
    await client.end()
  }
}

export function databaseExists(url: string): Promise<boolean> {
  return withAdmin(url, async (client, name) => {
    const result = await client.query('select 1 from pg_database where datname = $1', [name])
    return (result.rowCount ?? 0) > 0
  })
}

export function recreateDatabase(url: string): Promise<void> {
  return withAdmin(url, async (client, name) => {
    await client.query(`drop database if exists "${name}" with (force)`)
    await client.query(`create database "${name}"`)
  })
}
