import wholeSheet from 'antd/dist/antd.css?url'

let whole: Promise<void> | undefined

/**
 * antd's whole prebuilt stylesheet (zero-runtime mode, theme.ts), 73 kB brotli, a megabyte of CSS
 * to parse. The console's shell comes with the rules of its own components and the case queue's
 * only (AppShell); every other page waits for this before it renders (router.tsx).
 */
export function loadAntdStyles(): Promise<void> {
  whole ??= new Promise<void>((resolve, reject) => {
    const link = document.createElement('link')
    link.rel = 'stylesheet'
    link.href = wholeSheet
    link.onload = () => resolve()
    link.onerror = () => {
      link.remove()
      whole = undefined // offline: the next page tries again
      reject(new Error(`antd's stylesheet did not load (${wholeSheet})`))
    }
    document.head.append(link)
  })
  return whole
}

/** Downloads the whole stylesheet without applying it (no parse, no restyle of the page). */
export function prefetchAntdStyles(): void {
  if (whole || document.querySelector(`link[href="${wholeSheet}"]`)) return
  const link = document.createElement('link')
  link.rel = 'prefetch'
  link.as = 'style'
  link.href = wholeSheet
  document.head.append(link)
}
