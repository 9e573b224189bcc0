import { SearchOutlined } from '@ant-design/icons'
import { AutoComplete, Button, DatePicker, Form, Input, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCan } from '../../app/auth/me-context'
import { useUsers } from '../identity/api'
import type { AuditFilters } from './api'

const ENTITY_TYPES = [
  'customer',
  'occupancy',
  'unit',
  'floor',
  'property',
  'user',
  'role',
  'organisation',
]

type Values = Omit<AuditFilters, 'from' | 'to'> & { range?: [Dayjs | null, Dayjs | null] | null }

function ActorSelect({ value, onChange }: { value?: string; onChange?: (v?: string) => void }) {
  const { t } = useTranslation()
  const [q, setQ] = useState('')
  const users = useUsers(q)
  return (
    <Select
      aria-label={t('audit.actor')}
      value={value}
      onChange={onChange}
      allowClear
      placeholder={t('audit.actor')}
      style={{ width: 180 }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={(users.data?.pages.flatMap((p) => p.items) ?? []).map((u) => ({
        value: u.id,
        label: `${u.displayName} (${u.username})`,
      }))}
    />
  )
}

export function AuditFiltersForm({ onChange }: { onChange: (filters: AuditFilters) => void }) {
  const { t } = useTranslation()
  const can = useCan()
  const [form] = Form.useForm<Values>()

  const apply = ({ range, ...rest }: Values) => {
    const [start, end] = range ?? [null, null]
    const clean = Object.fromEntries(
      Object.entries(rest).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
    ) as AuditFilters
    onChange({
      ...clean,
      from: start ? start.startOf('day').toISOString() : undefined,
      to: end ? end.endOf('day').toISOString() : undefined,
    })
  }

  return (
    <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 8, marginBottom: 16 }}>
      <Form.Item name="actorId">
        {can('user.manage') ? (
          <ActorSelect />
        ) : (
          <Input aria-label={t('audit.actorId')} placeholder={t('audit.actorId')} allowClear />
        )}
      </Form.Item>
      <Form.Item name="action">
        <Input
          aria-label={t('audit.action')}
          placeholder={t('audit.actionPlaceholder')}
          allowClear
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item name="entityType">
        <AutoComplete
          aria-label={t('audit.entityType')}
          placeholder={t('audit.entityType')}
          allowClear
          style={{ width: 150 }}
          options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`entityTypes.${e}`) }))}
        />
      </Form.Item>
      <Form.Item name="entityId">
        <Input aria-label={t('audit.entityId')} placeholder={t('audit.entityId')} allowClear />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker aria-label={t('audit.range')} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields()
            onChange({})
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  )
}
