import { AutoComplete, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCustomerSearch } from '../../customers/api'
import { useUnitSearch } from '../../org/api'

export type Party =
  | { kind: 'customer'; customerId: string; name: string; label: string }
  | {
      kind: 'unit'
      unitId: string
      number: string
      label: string
      /** The unit's one occupant, when it has exactly one. */
      customerId?: string
      customerName?: string
    }

type Props = {
  propertyId: string
  id?: string
  onPick: (party: Party) => void
  onClear: () => void
  autoFocus?: boolean
}

/**
 * Who is calling: one box that finds customers (by name, unit or phone) and units (by number)
 * as the agent types.
 */
export function PartyPicker({ propertyId, id, onPick, onClear, autoFocus }: Props) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const q = text.trim()
  const customers = useCustomerSearch(q, propertyId)
  const units = useUnitSearch(propertyId, q)

  const customerOptions = q
    ? (customers.data ?? []).slice(0, 8).map((c) => ({
        value: `c:${c.id}`,
        label: [c.name, c.units.join(' '), c.phone].filter(Boolean).join(' · '),
        party: {
          kind: 'customer' as const,
          customerId: c.id,
          name: c.name,
          label: c.units.length ? `${c.name} · ${c.units.join(' ')}` : c.name,
        },
      }))
    : []
  const unitOptions = q
    ? (units.data ?? []).slice(0, 8).map((u) => {
        const only = u.occupants.length === 1 ? u.occupants[0] : undefined
        const names = u.occupants.map((o) => o.customerName).join('、')
        return {
          value: `u:${u.id}`,
          label: `${u.number} · ${u.floorLabel}${names ? ` · ${names}` : ''}`,
          party: {
            kind: 'unit' as const,
            unitId: u.id,
            number: u.number,
            label: only ? `${u.number} · ${only.customerName}` : u.number,
            ...(only ? { customerId: only.customerId, customerName: only.customerName } : {}),
          },
        }
      })
    : []
  const all = [...customerOptions, ...unitOptions]
  const options = [
    ...(customerOptions.length
      ? [{ label: t('cases.intake.customers'), options: customerOptions }]
      : []),
    ...(unitOptions.length ? [{ label: t('cases.intake.units'), options: unitOptions }] : []),
  ]

  return (
    <AutoComplete
      id={id}
      value={text}
      options={options}
      onSearch={setText}
      onChange={(value: string) => {
        // Picking an option puts its key in the box; typing clears an earlier pick.
        if (!value.startsWith('c:') && !value.startsWith('u:')) {
          setText(value)
          onClear()
        }
      }}
      onSelect={(value: string) => {
        const found = all.find((o) => o.value === value)
        if (!found) return
        setText(found.party.label)
        onPick(found.party)
      }}
      defaultActiveFirstOption
      notFoundContent={
        q && !customers.isFetching && !units.isFetching ? t('common.noData') : undefined
      }
    >
      <Input.Search
        autoFocus={autoFocus}
        allowClear
        placeholder={t('cases.intake.partyPlaceholder')}
        loading={customers.isFetching || units.isFetching}
      />
    </AutoComplete>
  )
}
