import { Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUnitSearch } from '../../org/api'

type Props = {
  propertyId: string
  value?: string
  onChange?: (value: string) => void
  id?: string
}

/** A unit of one building, found by typing its number. */
export function UnitPicker({ propertyId, value, onChange, id }: Props) {
  const { t } = useTranslation()
  const [q, setQ] = useState('')
  const units = useUnitSearch(propertyId, q)
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('occupancy.unitPlaceholder')}
      loading={units.isFetching}
      notFoundContent={units.isFetching ? undefined : t('common.noData')}
      options={(units.data ?? []).map((u) => ({
        value: u.id,
        label: `${u.number} · ${u.floorLabel} · ${t(`unitKind.${u.kind}`)}`,
      }))}
    />
  )
}
