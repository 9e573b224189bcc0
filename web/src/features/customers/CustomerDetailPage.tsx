import {
  AccountBookOutlined,
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  EyeOutlined,
} from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Result,
  Skeleton,
  Table,
  Tag,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../api/client'
import { useCan } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { formatDateTime } from '../../ui/format'
import { PageHeader } from '../../ui/PageHeader'
import {
  type Contact,
  type Revealed,
  useCustomer,
  useDeleteCustomer,
  useRevealCustomer,
} from './api'
import { CustomerFormModal } from './components/CustomerFormModal'
import { OccupanciesCard } from './components/OccupanciesCard'

export function CustomerDetailPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { message } = App.useApp()
  const can = useCan()
  const { timeZone } = useCurrentProperty()
  const customer = useCustomer(id)
  const reveal = useRevealCustomer(id)
  const remove = useDeleteCustomer()
  const navigate = useNavigate()
  const [revealed, setRevealed] = useState<{ id: string; values: Revealed } | null>(null)
  const [editing, setEditing] = useState(false)

  if (customer.isPending) return <Skeleton active />
  if (customer.isError) {
    const missing = isApiError(customer.error) && customer.error.status === 404
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('customers.notFound') : errorMessage(t, customer.error)}
        extra={<Link to="/customers">{t('customers.backToList')}</Link>}
      />
    )
  }

  const data = customer.data
  const shown = revealed?.id === data.id ? revealed.values : null
  const canReveal = can('customer.reveal') && data.masked && !shown
  const contactPhone = (c: Contact) => shown?.contacts.find((r) => r.id === c.id)?.phone ?? c.phone

  const onReveal = () =>
    reveal.mutate(undefined, {
      onSuccess: (values) => setRevealed({ id: data.id, values }),
      onError: (error) => void message.error(errorMessage(t, error)),
    })

  // Only a customer entered by mistake (no occupancy, no account) can go; the server decides.
  const onDelete = () =>
    remove.mutate(data.id, {
      onSuccess: () => {
        void message.success(t('customers.deleted'))
        void navigate('/customers', { replace: true })
      },
      onError: (error) => void message.error(errorMessage(t, error)),
    })

  return (
    <>
      <Link to="/customers">
        <ArrowLeftOutlined /> {t('customers.backToList')}
      </Link>
      <PageHeader
        title={
          <Flex align="center" gap={8}>
            {data.name}
            <Tag>{t(`customerKind.${data.kind}`)}</Tag>
          </Flex>
        }
        extra={
          <>
            {can('billing.read') && (
              <Button
                icon={<AccountBookOutlined />}
                onClick={() => void navigate(`/billing/customers/${data.id}`)}
              >
                {t('statement.link')}
              </Button>
            )}
            {canReveal && (
              <Button icon={<EyeOutlined />} loading={reveal.isPending} onClick={onReveal}>
                {t('customers.reveal')}
              </Button>
            )}
            {can('customer.manage') && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
            {can('customer.manage') && (
              <Popconfirm
                title={t('customers.deleteConfirm', { name: data.name })}
                onConfirm={onDelete}
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      {shown && (
        <Alert
          type="success"
          showIcon
          title={t('customers.revealedNotice')}
          style={{ marginBottom: 16 }}
        />
      )}
      {canReveal && (
        <Alert
          type="info"
          showIcon
          title={t('customers.revealHint')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Flex vertical gap={16}>
        <Card title={t('customers.details')}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('customer.phone')}>
              {shown ? (shown.phone ?? '—') : (data.phone ?? '—')}
            </Descriptions.Item>
            <Descriptions.Item label={t('customer.idNumber')}>
              {shown ? (shown.idNumber ?? '—') : (data.idNumber ?? '—')}
            </Descriptions.Item>
            <Descriptions.Item label={t('customer.email')}>{data.email ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('customer.updatedAt')}>
              {formatDateTime(data.updatedAt, timeZone)}
            </Descriptions.Item>
            <Descriptions.Item label={t('customer.notes')} span={2}>
              {data.notes || '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('customer.contacts')}>
          <Table<Contact>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.contacts}
            columns={[
              {
                title: t('contact.name'),
                dataIndex: 'name',
                render: (name: string, c) => (
                  <>
                    {name} {c.isPrimary && <Tag color="blue">{t('contact.primary')}</Tag>}
                  </>
                ),
              },
              { title: t('contact.phone'), key: 'phone', render: (_, c) => contactPhone(c) ?? '—' },
              {
                title: t('contact.title'),
                dataIndex: 'title',
                render: (v: string | null) => v ?? '—',
              },
            ]}
          />
        </Card>
        <OccupanciesCard customer={data} canManage={can('customer.manage')} />
      </Flex>
      {editing && (
        <CustomerFormModal
          open
          customer={data}
          revealed={shown}
          propertyId={data.propertyId}
          onClose={() => setEditing(false)}
          onStale={() => customer.refetch()}
        />
      )}
    </>
  )
}
