// The bare baseline: Fastify and a `pg` pool on the same database, doing the nearest raw
// equivalent of the app's work — one indexed select by id, one insert into a scratch table.
import Fastify from 'fastify'
import pg from 'pg'

async function main() {
  const url = process.env['DATABASE_URL']
  const port = Number(process.env['PORT'] ?? 3901)
  if (!url) throw new Error('DATABASE_URL is required')
  // The app's pool is 10 connections (openPostgres): the same here.
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  await pool.query(
    `create table if not exists bench_scratch (
       id uuid primary key default gen_random_uuid(),
       title text not null,
       created_at timestamptz not null default now())`,
  )
  const app = Fastify({ logger: false })
  app.get<{ Params: { id: string } }>('/select/:id', async (req, reply) => {
    const result = await pool.query(
      'select id, number, type, state, title, created_at from cases where id = $1',
      [req.params.id],
    )
    const row = result.rows[0] as Record<string, unknown> | undefined
    if (!row) return reply.status(404).send({ error: 'not found' })
    return row
  })
  app.post<{ Body: { title?: string } }>('/insert', async (req, reply) => {
    const result = await pool.query(
      'insert into bench_scratch (title) values ($1) returning id, created_at',
      [req.body.title ?? ''],
    )
    return reply.status(201).send(result.rows[0])
  })
  await app.listen({ port, host: '127.0.0.1' })
  process.stdout.write(`ready ${port}\n`)
  const stop = async () => {
    await app.close()
    await pool.end()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop())
  process.on('SIGINT', () => void stop())
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench baseline failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  )
  process.exit(1)
})
