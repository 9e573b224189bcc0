import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

// Writes file.js.br and file.js.gz beside every text file of the build, compressed once at their
// best; the server sends them to browsers that accept them (@fastify/static preCompressed), so the
// console travels at a fraction of its size without compressing on every request.
function precompress(): Plugin {
  return {
    name: 'atrium-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist'
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(name)) continue
        const content = readFileSync(join(dir, name))
        if (content.length < 1024) continue
        writeFileSync(join(dir, `${name}.gz`), gzipSync(content, { level: 9 }))
        writeFileSync(
          join(dir, `${name}.br`),
          brotliCompressSync(content, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        )
      }
    },
  }
}

// `import('./file.json?all')`: the whole JSON file as a module of its own. The console's texts are
// imported both by name (the sign-in page's groups, tree-shaken into the first chunk) and whole
// (the rest, loaded with the console); under one module id the whole file would go to the first
// chunk. The id given here no longer ends in .json, so the JSON plugin leaves it alone.
function wholeJson(): Plugin {
  const prefix = '\0whole-json:'
  return {
    name: 'atrium-whole-json',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('.json?all')) return null
      const resolved = await this.resolve(source.slice(0, -'?all'.length), importer, {
        skipSelf: true,
      })
      return resolved && `${prefix}${resolved.id}.js`
    },
    load(id) {
      if (!id.startsWith(prefix)) return null
      const file = id.slice(prefix.length, -'.js'.length)
      this.addWatchFile(file)
      // JSON.parse of a string literal is faster for V8 than the same object as a literal.
      const text = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')))
      return `export default JSON.parse(${JSON.stringify(text)})`
    },
  }
}

// `import 'virtual:antd.css?components=btn|input'`: the rules of antd's prebuilt stylesheet
// (antd/dist/antd.css, for zero-runtime mode) that style those components, with every @keyframes
// (and, with `base` among them, the rules for no component: links, icons).
// The sign-in page takes its few components' styles this way (app/SignInRoute.tsx): 13 kB gzip
// instead of the whole sheet's 108 kB; so do the console's shell and the case queue
// (app/layout/AppShell.tsx, 44 kB); every other page waits for the whole sheet (app/antd-styles.ts).
function antdCssSubset(): Plugin {
  const prefix = 'virtual:antd.css?components='
  const blocks = (css: string) => {
    const found: { prelude: string; body: string }[] = []
    for (let at = 0; at < css.length;) {
      const open = css.indexOf('{', at)
      if (open < 0) break
      let end = open
      for (let depth = 0; end < css.length; end++) {
        if (css[end] === '{') depth++
        else if (css[end] === '}' && --depth === 0) break
      }
      found.push({ prelude: css.slice(at, open).trim(), body: css.slice(open + 1, end) })
      at = end + 1
    }
    return found
  }
  // `base`: the sheet's rules for no component (links, icons), which the console's pages need.
  const isBase = (prelude: string) =>
    !prelude.includes('.ant-') && !prelude.startsWith('.css-var-') && !prelude.startsWith('.data-')
  const subset = (css: string, wanted: RegExp, base: boolean): string =>
    blocks(css)
      .map(({ prelude, body }) => {
        if (prelude.startsWith('@keyframes')) return `${prelude}{${body}}`
        if (prelude.startsWith('@')) {
          const inner = subset(body, wanted, base)
          return inner && `${prelude}{${inner}}`
        }
        // `.css-var-_R_0_.ant-btn{…}`: the tokens under the key of a server render; a browser's
        // ConfigProvider registers its own (`css-var-_r_0_`), so these never apply.
        if (prelude.startsWith('.css-var-')) return ''
        return wanted.test(prelude) || (base && isBase(prelude)) ? `${prelude}{${body}}` : ''
      })
      .join('')
  return {
    name: 'atrium-antd-css-subset',
    resolveId: (id) => (id.startsWith(prefix) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return null
      const components = id
        .slice(prefix.length + 1)
        .replace(/\.css$/, '')
        .split('|')
      const file = createRequire(import.meta.url).resolve('antd/dist/antd.css')
      this.addWatchFile(file)
      const wanted = new RegExp(`\\.ant-(${components.filter((c) => c !== 'base').join('|')})\\b`)
      return subset(readFileSync(file, 'utf8'), wanted, components.includes('base'))
    },
  }
}

// The entry's stylesheet (the sign-in page's antd rules and src/styles.css) goes into index.html:
// the first paint waits for no stylesheet request. It is taken out of the entry chunk before Vite
// lists each lazy chunk's stylesheets (order: 'pre'): a chunk that shares a module with the entry
// would otherwise load it once more on its way in (a request, and 120 kB of CSS parsed again).
function inlineEntryCss(): Plugin {
  let inlined = ''
  return {
    name: 'atrium-inline-entry-css',
    apply: 'build',
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.isEntry) continue
          for (const file of chunk.viteMetadata?.importedCss ?? []) {
            const asset = bundle[file]
            if (asset?.type !== 'asset') continue
            inlined += String(asset.source)
            chunk.viteMetadata?.importedCss.delete(file)
            delete bundle[file]
          }
        }
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace('</head>', () => `<style>${inlined}</style></head>`),
    },
  }
}

// The first page's chunks. Left to automatic splitting, the console came in 74 chunks (one for each
// set of pages that shares a module), each a request, a modulepreload link and a module record
// to evaluate before the case queue could render. Now:
// - `index`: everything the sign-in page loads (React and the router in `vendor-react`, which
//   changes least and is cached longest);
// - `console`: what the console's shell and its busiest page, the case queue, add to that (their
//   modules' static closure, consoleModules below, less what `index` holds), in one request;
// - every other page: automatic splitting, as before.
const CONSOLE_ROOTS = [
  '/src/app/layout/AppShell.tsx',
  '/src/app/auth/RequirePermission.tsx',
  '/src/features/cases/CaseQueuePage.tsx',
  '/src/features/cases/queue-loader.ts',
]

// `import { Button } from 'antd'` reaches every component through the library's index module; for
// the closure below it reaches `antd/es/button/index.js` alone (as tree-shaking makes it).
const BARRELS = [
  {
    index: '/node_modules/antd/es/index.js',
    source: 'antd',
    module: (name: string) => `/node_modules/antd/es/${kebab(name)}/index.js`,
  },
  {
    index: '/node_modules/@ant-design/icons/es/index.js',
    source: '@ant-design/icons',
    module: (name: string) => `/node_modules/@ant-design/icons/es/icons/${name}.js`,
  },
]
const kebab = (name: string) => name.replace(/[a-z](?=[A-Z])/g, (c) => `${c}-`).toLowerCase()

/** Finds the console group's modules once the module graph is complete (before chunking). */
function consoleModules(): { plugin: Plugin; has: (id: string) => boolean } {
  const modules = new Set<string>()
  return {
    has: (id) => modules.has(id),
    plugin: {
      name: 'atrium-console-modules',
      apply: 'build',
      buildEnd() {
        const ids = [...this.getModuleIds()]
        const byPath = (path: string) => ids.find((id) => id.endsWith(path))
        const importsOf = (id: string): string[] => {
          const info = this.getModuleInfo(id)
          if (!info) return []
          return info.importedIds.flatMap((dep) => {
            const barrel = BARRELS.find((b) => dep.endsWith(b.index))
            if (!barrel) return [dep]
            const named = new RegExp(
              `import\\s*\\{([^}]*)\\}\\s*from\\s*["']${barrel.source}["']`,
              'g',
            )
            return [...(info.code ?? '').matchAll(named)].flatMap((m) =>
              (m[1] ?? '').split(',').flatMap((spec) => {
                const name = spec.trim().split(/\s+as\s+/)[0]
                const found = name ? byPath(barrel.module(name)) : undefined
                return found ? [found] : []
              }),
            )
          })
        }
        const stack = ids.filter((id) => CONSOLE_ROOTS.some((root) => id.endsWith(root)))
        if (stack.length !== CONSOLE_ROOTS.length) this.error('a console root is missing')
        for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
          if (modules.has(id)) continue
          modules.add(id)
          stack.push(...importsOf(id))
        }
      },
    },
  }
}
const consoleGroup = consoleModules()

const chunkGroups = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
    priority: 3,
  },
  { name: 'index', tags: ['$initial' as const], priority: 2 },
  { name: 'console', test: consoleGroup.has, includeDependenciesRecursively: false, priority: 1 },
]

export default defineConfig({
  plugins: [
    wholeJson(),
    antdCssSubset(),
    react(),
    inlineEntryCss(),
    precompress(),
    consoleGroup.plugin,
  ],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    port: 4173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: chunkGroups },
      },
    },
  },
})
