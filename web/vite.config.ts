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
// (antd/dist/antd.css, for zero-runtime mode) that style those components, with every @keyframes.
// The sign-in page takes its few components' styles this way (app/SignInRoute.tsx): 13 kB gzip
// instead of the whole sheet's 108 kB, which the console loads with its shell.
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
  const subset = (css: string, wanted: RegExp): string =>
    blocks(css)
      .map(({ prelude, body }) => {
        if (prelude.startsWith('@keyframes')) return `${prelude}{${body}}`
        if (prelude.startsWith('@')) {
          const inner = subset(body, wanted)
          return inner && `${prelude}{${inner}}`
        }
        return wanted.test(prelude) ? `${prelude}{${body}}` : ''
      })
      .join('')
  return {
    name: 'atrium-antd-css-subset',
    resolveId: (id) => (id.startsWith(prefix) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return null
      const components = id.slice(prefix.length + 1).replace(/\.css$/, '')
      const file = createRequire(import.meta.url).resolve('antd/dist/antd.css')
      this.addWatchFile(file)
      return subset(readFileSync(file, 'utf8'), new RegExp(`\\.ant-(${components})\\b`))
    },
  }
}

// The entry's stylesheet (the sign-in page's antd rules and src/styles.css) goes into index.html:
// the first paint waits for no stylesheet request.
function inlineEntryCss(): Plugin {
  return {
    name: 'atrium-inline-entry-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, { bundle }) =>
        html.replace(/<link rel="stylesheet" crossorigin href="\/([^"]+\.css)">/g, (link, file) => {
          const asset = bundle?.[file]
          return asset?.type === 'asset' ? `<style>${String(asset.source)}</style>` : link
        }),
    },
  }
}

// Vendor groups hold only what every page needs (React, router, query, i18n).
// antd is left to automatic splitting so that the login page loads only the few
// antd components it uses, and the table/date-picker heavy pages pull theirs lazily.
const vendorGroups = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
  { name: 'vendor-query', test: /node_modules[\\/]@tanstack[\\/]/ },
  {
    name: 'vendor-i18n',
    test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
  },
]

export default defineConfig({
  plugins: [wholeJson(), antdCssSubset(), react(), inlineEntryCss(), precompress()],
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
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
})
