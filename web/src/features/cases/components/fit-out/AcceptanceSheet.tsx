// 装修验收单 (H-FO-11…14): every round of the acceptance inspection — each called department, pass
// or fail, the rectifications it asked for, who signed and when (with the drawn signature) — and
// the damage listed, with its cost, how it is settled and whether it was taken from the deposit.
import { Card, Empty, Flex, Image, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../../ui/format'
import { formatFen } from '../../../../ui/money'
import { attachmentUrl, type CaseDetail, type SignOff, type TimelineEvent } from '../../api'
import { enumLabel, roleLabel } from '../../labels'
import { StepButton } from '../StepButton'
import {
  type AcceptanceRound,
  type FitOutDamage,
  fitOutData,
  type InspectionResult,
} from './fit-out-data'

type Row = {
  department: string
  result?: InspectionResult
  event?: TimelineEvent
  signOff?: SignOff
}

/** The inspect steps of each round, from the timeline: a round starts with its call_inspection. */
function inspectionsByRound(detail: CaseDetail): TimelineEvent[][] {
  const rounds: TimelineEvent[][] = []
  for (const e of detail.timeline) {
    if (e.kind !== 'action') continue
    if (e.action === 'call_inspection') rounds.push([])
    else if (e.action === 'inspect') rounds.at(-1)?.push(e)
  }
  return rounds
}

/** The sign-off a step wrote: the same action at the same moment (one transaction). */
function signOffOf(detail: CaseDetail, e: TimelineEvent | undefined): SignOff | undefined {
  if (!e) return undefined
  const gap = (s: SignOff) => Math.abs(Date.parse(s.signedAt) - Date.parse(e.at))
  const nearest = detail.signOffs
    .filter((s) => s.action === 'inspect')
    .sort((a, b) => gap(a) - gap(b))[0]
  return nearest && gap(nearest) < 1_000 ? nearest : undefined
}

function roundOutcome(round: AcceptanceRound): 'pending' | 'pass' | 'fail' {
  const results = round.departments.map((d) => round.results[d])
  if (results.some((r) => r?.result === 'fail') && results.every(Boolean)) return 'fail'
  return results.every((r) => r?.result === 'pass') ? 'pass' : 'pending'
}

const OUTCOME_COLOUR = { pending: 'processing', pass: 'green', fail: 'red' } as const

function RoundTable({
  detail,
  round,
  events,
  timeZone,
}: {
  detail: CaseDetail
  round: AcceptanceRound
  events: TimelineEvent[]
  timeZone: string
}) {
  const { t } = useTranslation()
  const rows: Row[] = round.departments.map((department) => {
    const result = round.results[department]
    const event = result && events.find((e) => e.actorName === result.by)
    return { department, result, event, signOff: signOffOf(detail, event) }
  })
  const outcome = roundOutcome(round)
  return (
    <Flex vertical gap={6}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>
          {t('cases.fitOut.acceptance.round', { n: round.n, date: round.inspectOn })}
        </Typography.Text>
        <Tag color={OUTCOME_COLOUR[outcome]}>{t(`cases.fitOut.acceptance.outcome.${outcome}`)}</Tag>
      </Flex>
      <Table<Row>
        rowKey="department"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('cases.fitOut.acceptance.department'),
            dataIndex: 'department',
            width: 96,
            render: (d: string) => t(`department.${d}`, { defaultValue: d }),
          },
          {
            title: t('cases.typeField.fit_out.result'),
            key: 'result',
            width: 96,
            render: (_, r) =>
              r.result ? (
                <Tag color={r.result.result === 'pass' ? 'green' : 'red'}>
                  {enumLabel(t, 'result', r.result.result)}
                </Tag>
              ) : (
                <Tag>{t('cases.fitOut.acceptance.awaiting')}</Tag>
              ),
          },
          {
            title: t('cases.field.rectifications'),
            key: 'rectifications',
            render: (_, r) =>
              r.result?.rectifications.length ? (
                <ol className="plain-ol">
                  {r.result.rectifications.map((x, k) => (
                    <li key={k}>{x}</li>
                  ))}
                </ol>
              ) : (
                (r.result?.note ?? '—')
              ),
          },
          {
            title: t('cases.fitOut.acceptance.signed'),
            key: 'signed',
            width: 260,
            render: (_, r) =>
              r.result ? (
                <Flex gap={8} align="center">
                  <Flex vertical>
                    <Typography.Text>
                      {r.signOff
                        ? `${r.signOff.signerName}（${roleLabel(t, r.signOff.signerRole)}）`
                        : r.result.by}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.event ? formatDateTime(r.event.at, timeZone).slice(0, 16) : r.result.on}
                    </Typography.Text>
                  </Flex>
                  {r.signOff?.signatureId && (
                    <Image
                      src={attachmentUrl(detail.id, r.signOff.signatureId)}
                      alt={t('cases.signature.of', { name: r.signOff.signerName })}
                      height={36}
                      className="signature-image"
                    />
                  )}
                </Flex>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Flex>
  )
}

function Damages({ detail, damages }: { detail: CaseDetail; damages: FitOutDamage[] }) {
  const { t } = useTranslation()
  const fromDeposit = damages.filter((d) => d.resolution === 'deposit')
  return (
    <Table<FitOutDamage>
      rowKey="n"
      size="small"
      pagination={false}
      dataSource={damages}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('cases.item.damages.photoId'),
          dataIndex: 'photoId',
          width: 88,
          render: (id?: string) =>
            id ? (
              <Image
                src={attachmentUrl(detail.id, id)}
                alt={t('cases.moveOut.damagePhoto')}
                width={72}
                height={54}
                style={{ objectFit: 'cover' }}
              />
            ) : (
              '—'
            ),
        },
        {
          title: t('cases.fitOut.acceptance.foundBy'),
          key: 'by',
          render: (_, d) =>
            `${t('cases.fitOut.acceptance.roundShort', { n: d.round })} · ${t(`department.${d.department}`, { defaultValue: d.department })}`,
        },
        { title: t('cases.item.damages.location'), dataIndex: 'location' },
        { title: t('cases.item.damages.item'), dataIndex: 'item' },
        {
          title: t('cases.item.damages.cost'),
          dataIndex: 'cost',
          align: 'right',
          render: (fen: number) => formatFen(fen),
        },
        {
          title: t('cases.item.damages.resolution'),
          key: 'resolution',
          render: (_, d) => (
            <Flex gap={4} wrap>
              {enumLabel(t, 'resolution', d.resolution)}
              {d.resolution === 'deposit' && d.cost > 0 && (
                <Tag color={d.deducted ? 'green' : 'orange'}>
                  {t(
                    d.deducted
                      ? 'cases.fitOut.acceptance.deducted'
                      : 'cases.fitOut.acceptance.toDeduct',
                  )}
                </Tag>
              )}
            </Flex>
          ),
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4}>
            {t('cases.fitOut.acceptance.depositTotal')}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            <b>{formatFen(fromDeposit.reduce((s, d) => s + d.cost, 0))}</b>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={5} />
        </Table.Summary.Row>
      )}
    />
  )
}

export function AcceptanceSheet({ detail, timeZone }: { detail: CaseDetail; timeZone: string }) {
  const { t } = useTranslation()
  const data = fitOutData(detail)
  const rounds = data.acceptance ?? []
  const damages = data.damages ?? []
  const events = inspectionsByRound(detail)
  return (
    <Card
      size="small"
      title={t('cases.fitOut.acceptance.title')}
      extra={
        <Flex gap={8} wrap>
          <StepButton detail={detail} action="apply_acceptance" type="primary" />
          <StepButton detail={detail} action="call_inspection" type="primary" />
          <StepButton detail={detail} action="inspect" type="primary" />
          <StepButton detail={detail} action="deduct_damages" />
        </Flex>
      }
    >
      {rounds.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            data.completedOn
              ? t('cases.fitOut.acceptance.applied', { date: data.completedOn })
              : t('cases.fitOut.acceptance.none')
          }
        />
      ) : (
        <Flex vertical gap={16}>
          {[...rounds].reverse().map((r) => (
            <RoundTable
              key={r.n}
              detail={detail}
              round={r}
              events={events[r.n - 1] ?? []}
              timeZone={timeZone}
            />
          ))}
          <Typography.Text strong>{t('cases.fitOut.acceptance.damages')}</Typography.Text>
          {damages.length === 0 ? (
            <Typography.Text type="secondary">{t('cases.moveOut.noDamage')}</Typography.Text>
          ) : (
            <Damages detail={detail} damages={damages} />
          )}
        </Flex>
      )}
    </Card>
  )
}
