import { PhoneOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, Modal, Result, Skeleton, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { formatDateTime } from '../../ui/format'
import { LoadMore } from '../../ui/LoadMore'
import { PageHeader } from '../../ui/PageHeader'
import { type CaseSummary, useCase, useCases } from './api'
import { ActionModal } from './components/ActionModal'
import { DueText, StateTag, TypeTag } from './components/CaseTags'

/** The follow-up form of one case, drawn from its available `follow_up` action. */
function FollowUpForm({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation()
  const query = useCase(id)
  const action = query.data?.availableActions.find((a) => a.name === 'follow_up')
  // A case read earlier may be out of date: wait for this opening's read before saying no.
  const settled = !query.isFetching
  if (query.data && action)
    return (
      <ActionModal
        detail={query.data}
        action={action}
        onClose={onClose}
        onStale={() => void query.refetch()}
      />
    )
  return (
    <Modal open title={t('cases.action.follow_up')} onCancel={onClose} footer={null}>
      {!settled || query.isPending ? (
        <Skeleton active />
      ) : (
        <Result
          status="warning"
          title={query.isError ? errorMessage(t, query.error) : t('cases.followUps.notAvailable')}
        />
      )}
    </Modal>
  )
}

/** 回访工作台: cases waiting for a follow-up visit or call, the most urgent first. */
export function FollowUpsPage() {
  const { t } = useTranslation()
  const { propertyId, timeZone } = useCurrentProperty()
  const [open, setOpen] = useState<string | null>(null)
  const cases = useCases({ status: 'follow_up', propertyId }, Boolean(propertyId))
  const rows = (cases.data?.pages.flatMap((p) => p.items) ?? []).toSorted((a, b) =>
    (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9'),
  )

  const columns: ColumnsType<CaseSummary> = [
    {
      title: t('cases.col.due'),
      dataIndex: 'dueAt',
      width: 120,
      render: (_, row) => <DueText dueAt={row.dueAt} overdue={row.overdue} timeZone={timeZone} />,
    },
    {
      title: t('cases.col.number'),
      dataIndex: 'number',
      width: 170,
      render: (n: string, row) => <Link to={`/cases/${row.id}`}>{n}</Link>,
    },
    {
      title: t('cases.col.type'),
      dataIndex: 'type',
      width: 90,
      render: (_, r) => <TypeTag type={r.type} />,
    },
    { title: t('cases.col.title'), dataIndex: 'title', width: 240, ellipsis: true },
    {
      title: t('cases.col.unit'),
      dataIndex: 'unitNumber',
      width: 80,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('cases.col.customer'),
      dataIndex: 'customerName',
      width: 140,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('cases.col.state'),
      dataIndex: 'state',
      width: 120,
      render: (_, r) => <StateTag type={r.type} state={r.state} />,
    },
    {
      title: t('cases.followUps.resolvedAt'),
      dataIndex: 'updatedAt',
      width: 140,
      render: (at: string) => formatDateTime(at, timeZone).slice(0, 16),
    },
    {
      title: t('common.actions'),
      key: 'go',
      width: 110,
      render: (_, row) => (
        <Button
          type="primary"
          size="small"
          icon={<PhoneOutlined />}
          onClick={() => setOpen(row.id)}
        >
          {t('cases.action.follow_up')}
        </Button>
      ),
    },
  ]

  if (!propertyId) return <Empty description={t('property.none')} />

  return (
    <>
      <PageHeader title={t('cases.followUps.title')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('cases.followUps.hint')}</Typography.Paragraph>
        {cases.isError && (
          <Alert type="error" title={errorMessage(t, cases.error)} style={{ marginBottom: 16 }} />
        )}
        <Table<CaseSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={cases.isPending}
          pagination={false}
          scroll={{ x: 1250 }}
          locale={{ emptyText: t('cases.followUps.empty') }}
        />
        <LoadMore
          shown={rows.length}
          hasMore={cases.hasNextPage}
          loading={cases.isFetchingNextPage}
          onLoad={() => void cases.fetchNextPage()}
        />
      </Card>
      {open && <FollowUpForm id={open} onClose={() => setOpen(null)} />}
    </>
  )
}
