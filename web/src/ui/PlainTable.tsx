import { Spin } from 'antd'
import {
  type CSSProperties,
  memo,
  type ReactNode,
  type UIEvent,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useLook } from './antd-look'
import './plain-table.css'

export type PlainColumn<Row> = {
  key: string
  title: string
  width: number
  render: (row: Row) => ReactNode
  /** One line, cut with an ellipsis; a plain-text cell shows its whole text as its title. */
  ellipsis?: boolean
  /** Stays in view while the table scrolls sideways (antd's `fixed: 'left'`): leading columns. */
  fixed?: boolean
}

type Props<Row> = {
  columns: PlainColumn<Row>[]
  rows: Row[]
  rowKey: (row: Row) => string
  /** The table's width; narrower screens scroll it sideways. */
  scrollX: number
  loading?: boolean
  emptyText: ReactNode
  onRowDoubleClick?: (row: Row) => void
}

/**
 * A read-only table with antd's `<Table size="middle" scroll={{ x }}>` look and markup, without its
 * machinery: antd's Table measures its columns after mounting (a forced layout of the whole page)
 * and renders again, and every cell is a component of its own. No sorting, selection or
 * pagination; rows hover in CSS (plain-table.css).
 */
export function PlainTable<Row>({
  columns,
  rows,
  rowKey,
  scrollX,
  loading = false,
  emptyText,
  onRowDoubleClick,
}: Props<Row>) {
  const { prefix, style } = useLook().table
  const cell = `${prefix}-cell`
  const [scroll, onScroll, contentRef] = useScrollShadows()

  const cells = useMemo(() => cellLayout(columns, cell), [columns, cell])
  const fixedCount = columns.filter((c) => c.fixed).length

  const tableClass = [
    prefix,
    `${prefix}-medium`,
    rows.length === 0 && `${prefix}-empty`,
    style,
    `${prefix}-fix-start-shadow ${prefix}-fix-end-shadow`,
    scroll.start && `${prefix}-fix-start-shadow-show`,
    scroll.end && `${prefix}-fix-end-shadow-show`,
    fixedCount > 0 && `${prefix}-fixed-column ${prefix}-has-fix-start`,
    `${prefix}-scroll-horizontal`,
  ]
    .filter(Boolean)
    .join(' ')

  return (
    <div className={`${style} ${prefix}-wrapper plain-table`}>
      <Spin spinning={loading}>
        <div className={tableClass}>
          <div className={`${prefix}-container`}>
            <div
              ref={contentRef}
              className={`${prefix}-content`}
              style={{ overflowX: 'auto', overflowY: 'hidden' }}
              onScroll={onScroll}
            >
              <table style={{ width: scrollX, minWidth: '100%', tableLayout: 'fixed' }}>
                <colgroup>
                  {columns.map((column) => (
                    <col key={column.key} style={{ width: column.width }} />
                  ))}
                </colgroup>
                <thead className={`${prefix}-thead`}>
                  <tr>
                    {columns.map((column, index) => (
                      <th
                        key={column.key}
                        className={cells[index]?.className}
                        style={cells[index]?.style}
                        title={column.ellipsis ? column.title : undefined}
                        scope="col"
                      >
                        {column.title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <PlainBody
                  prefix={prefix}
                  columns={columns}
                  cells={cells}
                  rows={rows}
                  rowKey={rowKey}
                  emptyText={emptyText}
                  emptyWidth={scroll.width}
                  onRowDoubleClick={onRowDoubleClick}
                />
              </table>
            </div>
          </div>
        </div>
      </Spin>
    </div>
  )
}

type CellLayout = { className: string; style?: CSSProperties }

/** Each column's cell classes and, for fixed ones, rc-table's sticky offset and stacking order. */
function cellLayout<Row>(columns: PlainColumn<Row>[], cell: string): CellLayout[] {
  const fixedCount = columns.filter((c) => c.fixed).length
  let offset = 0
  return columns.map((column, index) => {
    const fixed = index < fixedCount
    const start = offset
    offset += column.width
    return {
      className: [
        cell,
        fixed && `${cell}-fix ${cell}-fix-start`,
        // The shadow itself is drawn by plain-table.css while the table is scrolled.
        fixed && index === fixedCount - 1 && `${cell}-fix-start-shadow`,
        column.ellipsis && `${cell}-ellipsis`,
      ]
        .filter(Boolean)
        .join(' '),
      style: fixed
        ? ({
            insetInlineStart: start,
            '--z-offset': columns.length * 2 - index,
            '--z-offset-reverse': columns.length + index,
          } as CSSProperties)
        : undefined,
    }
  })
}

type BodyProps<Row> = Pick<
  Props<Row>,
  'columns' | 'rows' | 'rowKey' | 'emptyText' | 'onRowDoubleClick'
> & { prefix: string; cells: CellLayout[]; emptyWidth?: number }

// Memoised: a sideways scroll changes the shadows, not the rows.
const PlainBody = memo(function PlainBody<Row>({
  prefix,
  columns,
  cells,
  rows,
  rowKey,
  emptyText,
  emptyWidth,
  onRowDoubleClick,
}: BodyProps<Row>) {
  return (
    <tbody className={`${prefix}-tbody`}>
      {rows.map((row) => (
        <tr
          key={rowKey(row)}
          className={`${prefix}-row ${prefix}-row-level-0`}
          data-row-key={rowKey(row)}
          onDoubleClick={onRowDoubleClick && (() => onRowDoubleClick(row))}
        >
          {columns.map((column, index) => {
            const content = column.render(row)
            return (
              <td
                key={column.key}
                className={cells[index]?.className}
                style={cells[index]?.style}
                title={column.ellipsis && typeof content === 'string' ? content : undefined}
              >
                {content}
              </td>
            )
          })}
        </tr>
      ))}
      {rows.length === 0 && (
        <tr className={`${prefix}-placeholder`}>
          <td className={`${prefix}-cell`} colSpan={columns.length}>
            <div
              className={`${prefix}-expanded-row-fixed`}
              style={{ width: emptyWidth, position: 'sticky', left: 0, overflow: 'hidden' }}
            >
              {emptyText}
            </div>
          </td>
        </tr>
      )}
    </tbody>
  )
}) as <Row>(props: BodyProps<Row>) => ReactNode

type ScrollState = { start: boolean; end: boolean; width?: number }

/**
 * Whether the table is scrolled away from its start or short of its end (the fixed column's and
 * the edges' shadows, as antd shows them), and the visible width (the empty text's box).
 */
function useScrollShadows() {
  const contentRef = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<ScrollState>({ start: false, end: false })
  const update = (element: HTMLElement) => {
    const { scrollLeft, scrollWidth, clientWidth } = element
    const start = Math.abs(scrollLeft) > 0 && scrollWidth !== clientWidth
    const end = scrollWidth !== clientWidth && Math.abs(scrollLeft) < scrollWidth - clientWidth - 1
    setState((old) =>
      old.start === start && old.end === end && old.width === clientWidth
        ? old
        : { start, end, width: clientWidth },
    )
  }
  useLayoutEffect(() => {
    const element = contentRef.current
    if (!element) return
    // Read after the browser's own layout, not forced in the middle of the commit.
    const observer = new ResizeObserver(() => update(element))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  const onScroll = (event: UIEvent<HTMLDivElement>) => update(event.currentTarget)
  return [state, onScroll, contentRef] as const
}
