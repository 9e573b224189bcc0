// Money travels as integer fen (分). These are the only places the console turns fen into
// text or typed yuan into fen: by string handling, never by floating-point arithmetic.

const MAX_FEN = 10_000_000_000

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** 123456 → "¥1,234.56"; negative amounts get a leading minus: "-¥12.00". */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—'
  const sign = fen < 0 ? '-' : ''
  const digits = String(Math.abs(Math.trunc(fen))).padStart(3, '0')
  const yuan = digits.slice(0, -2)
  const cents = digits.slice(-2)
  return `${sign}¥${groupThousands(yuan)}.${cents}`
}

/** 123456 → "1234.56", the value an amount field starts with. */
export function fenToYuanText(fen: number): string {
  const digits = String(Math.abs(Math.trunc(fen))).padStart(3, '0')
  return `${fen < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`
}

/**
 * "1,234.5" → 123450. Accepts digits with at most two decimals, thousands commas and a
 * leading ¥; anything else (more decimals, signs, letters, zero, over the limit) is null.
 */
export function parseYuan(text: string | null | undefined): number | null {
  if (!text) return null
  const cleaned = text
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/[,，\s]/g, '')
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(cleaned)
  if (!match) return null
  const [, whole = '0', decimals = ''] = match
  const fen = Number(whole + decimals.padEnd(2, '0'))
  if (!Number.isSafeInteger(fen) || fen < 1 || fen > MAX_FEN) return null
  return fen
}

/** Basis points as a percentage: 9523 → "95.23%"; null (nothing due) → "—". */
export function formatRateBp(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—'
  const digits = String(Math.abs(Math.trunc(bp))).padStart(3, '0')
  return `${bp < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}%`
}

/** Basis points as a number of percent for a chart axis: 9523 → 95.23. */
export function rateBpToPercent(bp: number | null): number | null {
  return bp === null ? null : Number(formatRateBp(bp).slice(0, -1))
}

/** Fen as a number of yuan for a chart axis (display only): 123456 → 1234.56. */
export function fenToYuanNumber(fen: number): number {
  return Number(fenToYuanText(fen))
}
