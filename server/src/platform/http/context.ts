import type { Config } from '../../config'
import type { Clock } from '../clock'
import type { Db } from '../db'
import type { Actor } from '../permissions'

/** What every use-case is given: the database, the clock and the configuration. */
export type Deps = { db: Db; clock: Clock; config: Config }

/** Who asked, from where, under which request id: what the audit row records. */
export type RequestContext = { actor: Actor; requestId: string; ip: string }
