import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, Flex, Select, Space, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useUrlParams } from '../../ui/useUrlParams'
import { useCan } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { LoadMore } from '../../ui/LoadMore'
import { PageHeader } from '../../ui/PageHeader'
import { SearchInput } from '../../ui/SearchInput'
import { CUSTOMER_KINDS, type CustomerKind, type CustomerSummary, useCustomers } from './api'
import { CustomerFormModal } from './components/CustomerFormModal'

export function CustomersPage() {
  const { t } = useTranslation()
  const can = useCan()
  const navigate = useNavigate()
  const { propertyId } = useCurrentProperty()
  const [params, setParam] = useUrlParams()
  const [creating, setCreating] = useState(false)

  const q = params.get('q') ?? ''
  const kind = CUSTOMER_KINDS.find((k) => k === params.get('kind'))
  const customers = useCustomers(propertyId, { q: q || undefined, kind })
  const rows = customers.data?.pages.flatMap((p) => p.items) ?? []

  const columns: ColumnsType<CustomerSummary> = [
    {
      title: t('customer.name'),
      dataIndex: 'name',
      render: (name: string, row) => <Link to={`/customers/${row.id}`}>{name}</Link>,
    },
    {
      title: t('customer.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: CustomerKind) => t(`customerKind.${k}`),
    },
    {
      title: t('customer.phone'),
      dataIndex: 'phone',
      width: 150,
      render: (p: string | null) => p ?? '—',
    },
    {
      title: t('customer.units'),
      dataIndex: 'units',
      render: (units: string[]) => (
        <Space size={[4, 4]} wrap>
          {units.map((u) => (
            <Tag key={u}>{u}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('customer.roles'),
      dataIndex: 'roles',
      width: 140,
      render: (roles: CustomerSummary['roles']) =>
        roles.map((r) => (
          <Tag key={r} color={r === 'owner' ? 'gold' : 'cyan'}>
            {t(`occupantRole.${r}`)}
          </Tag>
        )),
    },
  ]

  if (!propertyId) return <Empty description={t('property.none')} />

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        extra={
          can('customer.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('customers.new')}
            </Button>
          )
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <SearchInput
            label={t('customers.search')}
            placeholder={t('customers.searchPlaceholder')}
            value={q}
            onChange={(value) => setParam('q', value)}
            width={300}
          />
          <Select
            aria-label={t('customer.kind')}
            placeholder={t('customers.allKinds')}
            allowClear
            style={{ width: 140 }}
            value={kind}
            onChange={(v?: string) => setParam('kind', v)}
            options={CUSTOMER_KINDS.map((k) => ({ value: k, label: t(`customerKind.${k}`) }))}
          />
        </Flex>
        {customers.isError && (
          <Alert
            type="error"
            title={errorMessage(t, customers.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<CustomerSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={customers.isPending || (customers.isFetching && !customers.isFetchingNextPage)}
          pagination={false}
          locale={{ emptyText: q || kind ? t('customers.noMatch') : undefined }}
          onRow={(row) => ({ onDoubleClick: () => void navigate(`/customers/${row.id}`) })}
        />
        <LoadMore
          shown={rows.length}
          hasMore={customers.hasNextPage}
          loading={customers.isFetchingNextPage}
          onLoad={() => void customers.fetchNextPage()}
        />
      </Card>
      {creating && (
        <CustomerFormModal
          open
          propertyId={propertyId}
          onClose={() => setCreating(false)}
          onCreated={(created) => void navigate(`/customers/${created.id}`)}
        />
      )}
    </>
  )
}
