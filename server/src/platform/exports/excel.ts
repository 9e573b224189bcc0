// exceljs is large (about a second to load on a busy 2-core machine): loaded on the first export,
// not on every server start.
type ExcelJS = typeof import('exceljs')
let excel: Promise<ExcelJS> | undefined
// exceljs is CommonJS: Node's import() puts it under `default`; its types only name the exports.
const loadExcel = () =>
  (excel ??= import('exceljs').then((m) => (m as ExcelJS & { default?: ExcelJS }).default ?? m))

export type Column<T> = {
  header: string
  width?: number
  value: (row: T) => string | number | null
  money?: boolean
}

/**
 * One table as an .xlsx workbook. Money columns hold yuan with two decimals (the fen integer ÷ 100,
 * exact in binary for every amount a sheet shows) so finance can sum them in Excel.
 */
export async function workbookOf<T>(
  sheetName: string,
  columns: Column<T>[],
  rows: T[],
): Promise<Buffer> {
  const ExcelJS = await loadExcel()
  const book = new ExcelJS.Workbook()
  book.creator = 'Atrium'
  const sheet = book.addWorksheet(sheetName.slice(0, 31))
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? 16,
    ...(c.money ? { style: { numFmt: '#,##0.00' } } : {}),
  }))
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const v = c.value(row)
        return c.money && typeof v === 'number' ? v / 100 : v
      }),
    )
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}
