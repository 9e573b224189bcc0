import { Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCustomerSearch } from '../../customers/api'

type Props = {
  propertyId: string
  value?: string
  onChange?: (value: string) => void
  id?: string
}

/** A customer of one building, found by typing a name, phone or unit number. */
export function CustomerPicker({ propertyId, value, onChange, id }: Props) {
  const { t } = useTranslation()
  const [q, setQ] = useState('')
  const customers = useCustomerSearch(q, propertyId)
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('billing.customerPlaceholder')}
      loading={customers.isFetching}
      notFoundContent={customers.isFetching ? undefined : t('common.noData')}
      options={(customers.data ?? []).map((c) => ({
        value: c.id,
        label: c.units.length ? `${c.name} · ${c.units.join(' ')}` : c.name,
      }))}
    />
  )
}
