import { Input } from 'antd'
import { useEffect, useRef, useState } from 'react'

type Props = {
  value: string
  onChange: (value: string) => void
  placeholder?: string
  label: string
  width?: number
  /** The longest search the server takes; typing and pasting stop there. */
  maxLength?: number
}

/**
 * A search box that waits for the typist: debounced, and silent while an input
 * method (pinyin) is composing, so half-typed letters are never sent.
 */
export function SearchInput({
  value,
  onChange,
  placeholder,
  label,
  width = 260,
  maxLength,
}: Props) {
  const [text, setText] = useState(value)
  const composing = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)

  // The value changed from outside (back button, a cleared filter): show it.
  const [shown, setShown] = useState(value)
  if (value !== shown) {
    setShown(value)
    setText(value)
  }
  useEffect(() => () => clearTimeout(timer.current), [])

  const schedule = (next: string) => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => onChange(next.trim()), 300)
  }

  return (
    <Input.Search
      aria-label={label}
      allowClear
      placeholder={placeholder}
      style={{ width }}
      maxLength={maxLength}
      value={text}
      onChange={(event) => {
        setText(event.target.value)
        if (!composing.current) schedule(event.target.value)
      }}
      onCompositionStart={() => {
        composing.current = true
      }}
      onCompositionEnd={(event) => {
        composing.current = false
        schedule(event.currentTarget.value)
      }}
      onSearch={(next) => {
        clearTimeout(timer.current)
        onChange(next.trim())
      }}
    />
  )
}
