import { Button, Flex, Typography } from 'antd'
import { type PointerEvent, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

type Props = {
  /** A PNG data URL of the drawing, or undefined while the pad is empty. */
  value?: string
  onChange?: (value: string | undefined) => void
  id?: string
}

const WIDTH = 460
const HEIGHT = 160

/** A signature drawn with a finger, pen or mouse (pointer events), kept as a PNG data URL. */
export function SignaturePad({ value, onChange, id }: Props) {
  const { t } = useTranslation()
  const canvas = useRef<HTMLCanvasElement>(null)
  const drawing = useRef(false)
  const last = useRef<{ x: number; y: number } | null>(null)

  // Sharp lines on high-density screens; the exported image stays small (at most 2×).
  useEffect(() => {
    const el = canvas.current
    const ctx = el?.getContext('2d')
    if (!el || !ctx) return
    const ratio = Math.min(window.devicePixelRatio || 1, 2)
    el.width = WIDTH * ratio
    el.height = HEIGHT * ratio
    ctx.scale(ratio, ratio)
    ctx.lineWidth = 2.2
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    ctx.strokeStyle = '#111'
  }, [])

  // The form was reset (value cleared from outside): clear the drawing too.
  useEffect(() => {
    const el = canvas.current
    if (!value && el) el.getContext('2d')?.clearRect(0, 0, el.width, el.height)
  }, [value])

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect()
    return {
      x: ((event.clientX - rect.left) / rect.width) * WIDTH,
      y: ((event.clientY - rect.top) / rect.height) * HEIGHT,
    }
  }

  const onDown = (event: PointerEvent<HTMLCanvasElement>) => {
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    drawing.current = true
    last.current = point(event)
    const ctx = event.currentTarget.getContext('2d')
    const p = last.current
    ctx?.beginPath()
    ctx?.arc(p.x, p.y, 1, 0, Math.PI * 2)
    ctx?.fill()
  }
  const onMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current || !last.current) return
    const ctx = event.currentTarget.getContext('2d')
    const p = point(event)
    if (!ctx) return
    ctx.beginPath()
    ctx.moveTo(last.current.x, last.current.y)
    ctx.lineTo(p.x, p.y)
    ctx.stroke()
    last.current = p
  }
  const onUp = () => {
    if (!drawing.current) return
    drawing.current = false
    last.current = null
    onChange?.(canvas.current?.toDataURL('image/png'))
  }
  const clear = () => {
    const el = canvas.current
    el?.getContext('2d')?.clearRect(0, 0, el.width, el.height)
    onChange?.(undefined)
  }

  return (
    <Flex vertical gap={4} style={{ maxWidth: WIDTH }}>
      <canvas
        id={id}
        ref={canvas}
        role="img"
        aria-label={t('cases.signature.pad')}
        className="signature-pad"
        style={{ width: '100%', aspectRatio: `${WIDTH} / ${HEIGHT}` }}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
        onPointerLeave={onUp}
      />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">
          {value ? t('cases.signature.signed') : t('cases.signature.hint')}
        </Typography.Text>
        <Button size="small" onClick={clear} disabled={!value}>
          {t('cases.signature.clear')}
        </Button>
      </Flex>
    </Flex>
  )
}
