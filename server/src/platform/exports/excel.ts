import ExcelJS from 'exceljs'

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
