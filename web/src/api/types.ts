// Names for the generated OpenAPI shapes, so features say `Unit`, not a path.
import type { paths } from './schema'

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete'

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never

/** The JSON body a successful call returns (200, else 201). */
export type ResponseOf<
  P extends keyof paths,
  M extends Method & keyof paths[P],
> = paths[P][M] extends {
  responses: infer R
}
  ? R extends { 200: infer OK }
    ? Json<OK>
    : R extends { 201: infer Created }
      ? Json<Created>
      : never
  : never

/** The JSON body a call takes. */
export type BodyOf<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } }
}
  ? B
  : never

/** The query parameters a call takes. */
export type QueryOf<
  P extends keyof paths,
  M extends Method & keyof paths[P],
> = paths[P][M] extends {
  parameters: { query?: infer Q }
}
  ? NonNullable<Q>
  : never

/** One element of a list response's `items`. */
export type ItemOf<P extends keyof paths, M extends Method & keyof paths[P]> =
  ResponseOf<P, M> extends { items: (infer I)[] } ? I : never
