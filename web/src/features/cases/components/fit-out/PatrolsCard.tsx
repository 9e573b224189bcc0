// 巡查与整改 (H-FO-10): the patrols of the works with what they found (photos), the rectification
// notices with their due days, and a stop-work order while one is in force.
import { MobileOutlined } from '@ant-design/icons'
import { Card, Divider, Empty, Flex, Image, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCurrentUser } from '../../../../app/auth/me-context'
import { formatDateTime, todayIn } from '../../../../ui/format'
import { attachmentUrl, type CaseDetail } from '../../api'
import { enumLabel } from '../../labels'
import { StepButton } from '../StepButton'
import { type Finding, fitOutData, type Patrol, type Rectification } from './fit-out-data'

const SEVERITY_COLOUR: Record<Finding['severity'], string> = {
  minor: 'blue',
  violation: 'orange',
  serious: 'red',
}

function PatrolEntry({
  detail,
  patrol,
  timeZone,
}: {
  detail: CaseDetail
  patrol: Patrol
  timeZone: string
}) {
  const { t } = useTranslation()
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} wrap align="baseline">
        <Typography.Text strong>{t('cases.fitOut.patrol.title', { n: patrol.n })}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(patrol.at, timeZone).slice(0, 16)} · {patrol.by}
          {patrol.department && ` · ${t(`department.${patrol.department}`)}`}
          {patrol.area && ` · ${patrol.area}`}
        </Typography.Text>
      </Flex>
      {patrol.findings.length === 0 ? (
        <Typography.Text type="success">{t('cases.fitOut.patrol.clean')}</Typography.Text>
      ) : (
        <Table<Finding>
          rowKey={(f) => `${f.location}|${f.description}`}
          size="small"
          pagination={false}
          dataSource={patrol.findings}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('cases.item.findings.photoId'),
              dataIndex: 'photoId',
              width: 88,
              render: (id?: string) =>
                id ? (
                  <Image
                    src={attachmentUrl(detail.id, id)}
                    alt={t('cases.fitOut.patrol.photo')}
                    width={72}
                    height={54}
                    style={{ objectFit: 'cover' }}
                  />
                ) : (
                  '—'
                ),
            },
            { title: t('cases.item.findings.location'), dataIndex: 'location' },
            { title: t('cases.item.findings.description'), dataIndex: 'description' },
            {
              title: t('cases.item.findings.severity'),
              dataIndex: 'severity',
              render: (s: Finding['severity']) => (
                <Tag color={SEVERITY_COLOUR[s]}>{enumLabel(t, 'severity', s)}</Tag>
              ),
            },
            {
              title: t('cases.item.findings.department'),
              dataIndex: 'department',
              render: (d: string) => t(`department.${d}`, { defaultValue: d }),
            },
          ]}
        />
      )}
      {patrol.explainedTo && (
        <Typography.Text style={{ fontSize: 13 }}>
          {t('cases.fitOut.patrol.explainedTo', { who: patrol.explainedTo })}
        </Typography.Text>
      )}
      {patrol.note && <Typography.Text type="secondary">{patrol.note}</Typography.Text>}
    </Flex>
  )
}

function Notices({ detail, today }: { detail: CaseDetail; today: string }) {
  const { t } = useTranslation()
  const notices = fitOutData(detail).rectifications ?? []
  return (
    <Table<Rectification>
      rowKey="n"
      size="small"
      pagination={false}
      dataSource={[...notices].reverse()}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('cases.fitOut.rectify.n'), dataIndex: 'n', width: 56 },
        {
          title: t('cases.fitOut.rectify.items'),
          dataIndex: 'items',
          render: (items: string[]) => (
            <ol className="plain-ol">
              {items.map((i, k) => (
                <li key={k}>{i}</li>
              ))}
            </ol>
          ),
        },
        { title: t('cases.fitOut.rectify.issuedOn'), dataIndex: 'issuedOn', width: 104 },
        {
          title: t('cases.field.dueOn'),
          dataIndex: 'dueOn',
          width: 104,
          render: (due: string, r) => (
            <Typography.Text type={r.status === 'open' && due < today ? 'danger' : undefined}>
              {due}
            </Typography.Text>
          ),
        },
        {
          title: t('cases.fitOut.rectify.status'),
          key: 'status',
          render: (_, r) =>
            r.status === 'done' ? (
              <Tag color="green">{t('cases.fitOut.rectify.done', { date: r.doneOn ?? '' })}</Tag>
            ) : r.dueOn < today ? (
              <Tag color="red">{t('cases.fitOut.rectify.overdue')}</Tag>
            ) : (
              <Tag color="orange">{t('cases.fitOut.rectify.open')}</Tag>
            ),
        },
        {
          key: 'confirm',
          render: (_, r) =>
            r.status === 'open' && (
              <StepButton detail={detail} action="confirm_rectified" preset={{ n: r.n }} />
            ),
        },
      ]}
    />
  )
}

export function PatrolsCard({ detail, timeZone }: { detail: CaseDetail; timeZone: string }) {
  const { t } = useTranslation()
  const staff = useCurrentUser().kind === 'staff'
  const data = fitOutData(detail)
  const patrols = [...(data.patrols ?? [])].reverse()
  const notices = data.rectifications ?? []
  const works = ['in_works', 'stopped'].includes(detail.state)
  return (
    <Card
      size="small"
      title={t('cases.fitOut.patrols')}
      extra={
        <Flex gap={8} wrap align="center">
          {staff && works && (
            <Link to={`/cases/${detail.id}/patrol`}>
              <MobileOutlined /> {t('cases.fitOut.patrol.onPhone')}
            </Link>
          )}
          <StepButton detail={detail} action="record_patrol" type="primary" />
          <StepButton detail={detail} action="issue_rectification" />
          <StepButton detail={detail} action="stop_work" danger />
          <StepButton detail={detail} action="resume_work" />
        </Flex>
      }
    >
      {patrols.length === 0 && notices.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.fitOut.patrol.none')} />
      ) : (
        <Flex vertical gap={12}>
          {notices.length > 0 && (
            <>
              <Typography.Text strong>{t('cases.fitOut.rectify.title')}</Typography.Text>
              <Notices detail={detail} today={todayIn(timeZone)} />
            </>
          )}
          {patrols.map((p, k) => (
            <div key={p.n}>
              {(k > 0 || notices.length > 0) && <Divider style={{ margin: '4px 0 12px' }} />}
              <PatrolEntry detail={detail} patrol={p} timeZone={timeZone} />
            </div>
          ))}
        </Flex>
      )}
    </Card>
  )
}
