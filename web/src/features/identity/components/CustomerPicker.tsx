import { Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCustomerSearch } from '../../customers/api'

type Props = { value?: string; onChange?: (value: string) => void; id?: string }

/** A customer found by name, unit number or phone. */
export function CustomerPicker({ value, onChange, id }: Props) {
  const { t } = useTranslation()
  const [q, setQ] = useState('')
  const customers = useCustomerSearch(q)
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('customers.searchPlaceholder')}
      loading={customers.isFetching}
      options={(customers.data ?? []).map((c) => ({
        value: c.id,
        label: [c.name, ...c.units].join(' · '),
      }))}
    />
  )
}
