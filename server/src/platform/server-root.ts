import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The server package's folder (the one holding drizzle/). Found by walking up from this module, so
 * it is the same whether the code runs from src/ through tsx or from the bundle in dist/.
 */
export function findServerRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from))
  for (;;) {
    if (existsSync(join(dir, 'drizzle', 'meta')) && existsSync(join(dir, 'package.json')))
      return dir
    const up = dirname(dir)
    if (up === dir) throw new Error(`Could not find the server folder above ${from}`)
    dir = up
  }
}

export const serverRoot = findServerRoot()
