import { InputNumber, Space } from 'antd'
import { useTranslation } from 'react-i18next'

type Props = {
  value?: number
  onChange?: (minutes: number) => void
  /** Names the two boxes for screen readers. */
  label: string
}

/** A duration in minutes, entered as hours and minutes (a Form.Item control). */
export function DurationInput({ value = 0, onChange, label }: Props) {
  const { t } = useTranslation()
  const hours = Math.floor(value / 60)
  const minutes = value % 60
  return (
    <Space.Compact>
      <InputNumber
        aria-label={`${label} (${t('settings.deadlines.hours')})`}
        min={0}
        max={8760}
        precision={0}
        value={hours}
        suffix={t('settings.deadlines.hours')}
        style={{ width: 120 }}
        onChange={(h) => onChange?.((h ?? 0) * 60 + minutes)}
      />
      <InputNumber
        aria-label={`${label} (${t('settings.deadlines.minutes')})`}
        min={0}
        max={59}
        precision={0}
        value={minutes}
        suffix={t('settings.deadlines.minutes')}
        style={{ width: 110 }}
        onChange={(m) => onChange?.(hours * 60 + (m ?? 0))}
      />
    </Space.Compact>
  )
}
