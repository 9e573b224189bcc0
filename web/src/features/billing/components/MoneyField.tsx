import { Form, Input } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { parseYuan } from '../../../ui/money'

type Props = {
  name: string | (string | number)[]
  label?: ReactNode
  required?: boolean
  extra?: ReactNode
  noStyle?: boolean
}

/** An amount typed in yuan (at most two decimals); the form value stays the typed text. */
export function MoneyField({ name, label, required = true, extra, noStyle }: Props) {
  const { t } = useTranslation()
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      noStyle={noStyle}
      rules={[
        { required, message: t('billing.amountRequired') },
        {
          validator: (_, value?: string) =>
            !value || parseYuan(value) !== null
              ? Promise.resolve()
              : Promise.reject(new Error(t('billing.amountInvalid'))),
        },
      ]}
    >
      <Input prefix="¥" inputMode="decimal" placeholder="0.00" style={{ maxWidth: 220 }} />
    </Form.Item>
  )
}

/** The fen of a MoneyField value that passed validation. */
export function fenOf(value: string | undefined): number | undefined {
  return parseYuan(value) ?? undefined
}
