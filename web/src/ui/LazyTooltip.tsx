import { Tooltip } from 'antd'
import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from 'react'

type Props = {
  /** Computed when first shown (a date formatted in a time zone, say), not with every row. */
  title: () => ReactNode
  /** The class of the span that holds the text (antd's look: antd-look.tsx). */
  className: string
  children: ReactNode
}

// antd's Tooltip waits 0.1 s before it opens and before it closes (mouseEnterDelay, mouseLeaveDelay).
const DELAY = 100
const anchor: CSSProperties = { position: 'absolute', inset: 0, pointerEvents: 'none' }

/**
 * A span with antd's Tooltip on hover, set up on the first hover: a Tooltip is a trigger with a
 * dozen hooks, and a queue of fifty rows would mount fifty of them to show at most one. The span
 * keeps its element (the pointer's enter and leave stay its own); once hovered, it holds an
 * invisible box of its own size that the tooltip points at.
 */
export function LazyTooltip({ title, className, children }: Props) {
  const [open, setOpen] = useState<boolean | null>(null) // null: never hovered
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const later = (next: boolean) => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => setOpen(next), DELAY)
  }
  return (
    <span
      className={className}
      style={{ position: 'relative' }}
      onMouseEnter={() => later(true)}
      onMouseLeave={() => later(false)}
    >
      {children}
      {open !== null && (
        <Tooltip title={title()} open={open}>
          <span aria-hidden style={anchor} />
        </Tooltip>
      )}
    </span>
  )
}
