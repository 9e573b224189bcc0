import { Alert, Card, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { formatDateTime } from '../../ui/format'
import { LoadMore } from '../../ui/LoadMore'
import { PageHeader } from '../../ui/PageHeader'
import { type AuditEntry, type AuditFilters, useAudit } from './api'
import { AuditFiltersForm } from './AuditFiltersForm'

const hasDiff = (diff: AuditEntry['diff']) => Object.keys(diff ?? {}).length > 0

/** Ids are long: show the start, copy the whole. */
function ShortId({ id }: { id: string }) {
  return (
    <Typography.Text
      copyable={{ text: id }}
      title={id}
      style={{ fontFamily: 'monospace', fontSize: 12 }}
    >
      {id.slice(0, 8)}
    </Typography.Text>
  )
}

function entityLink(entry: AuditEntry): string | null {
  if (!entry.entityId) return null
  if (entry.entityType === 'customer') return `/customers/${entry.entityId}`
  if (entry.entityType === 'unit') return `/units?unit=${entry.entityId}`
  return null
}

export function AuditPage() {
  const { t } = useTranslation()
  const { timeZone } = useCurrentProperty()
  const [filters, setFilters] = useState<AuditFilters>({})
  const audit = useAudit(filters)
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? []

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card>
        <AuditFiltersForm onChange={setFilters} />
        {audit.isError && (
          <Alert type="error" title={errorMessage(t, audit.error)} style={{ marginBottom: 16 }} />
        )}
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          dataSource={rows}
          loading={audit.isPending || (audit.isFetching && !audit.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{
            rowExpandable: (e) => hasDiff(e.diff),
            expandedRowRender: (e) => (
              <pre style={{ margin: 0, maxHeight: 360, overflow: 'auto', fontSize: 12 }}>
                {JSON.stringify(e.diff, null, 2)}
              </pre>
            ),
          }}
          columns={[
            {
              title: t('audit.at'),
              dataIndex: 'at',
              width: 170,
              render: (at: string) => formatDateTime(at, timeZone),
            },
            {
              title: t('audit.actor'),
              key: 'actor',
              render: (_, e) => e.actorName ?? e.actorId ?? t('audit.system'),
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (action: string) => (
                <span title={action}>
                  {t(`auditActions.${action}`, { defaultValue: '' }) || <code>{action}</code>}
                </span>
              ),
            },
            {
              title: t('audit.entity'),
              key: 'entity',
              render: (_, e) => {
                const link = entityLink(e)
                const label = t(`entityTypes.${e.entityType}`, { defaultValue: e.entityType })
                return (
                  <>
                    <Tag>{label}</Tag>
                    {e.entityId &&
                      (link ? (
                        <Link to={link} title={e.entityId}>
                          {e.entityId.slice(0, 8)}
                        </Link>
                      ) : (
                        <ShortId id={e.entityId} />
                      ))}
                  </>
                )
              },
            },
            { title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
            {
              title: t('audit.requestId'),
              dataIndex: 'requestId',
              render: (id: string | null) => (id ? <ShortId id={id} /> : '—'),
            },
          ]}
        />
        <LoadMore
          shown={rows.length}
          hasMore={audit.hasNextPage}
          loading={audit.isFetchingNextPage}
          onLoad={() => void audit.fetchNextPage()}
        />
      </Card>
    </>
  )
}
