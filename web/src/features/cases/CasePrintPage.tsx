import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons'
import { Button, Flex, Result, Skeleton } from 'antd'
import { Fragment, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useCurrentUser } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { formatDateTime } from '../../ui/format'
import { attachmentUrl, useCase, useRecordPrint } from './api'
import { ReleaseSlipSheet } from './components/ReleaseSlipSheet'
import { actionLabel, dataText, fieldLabel, roleLabel, shownEntries, stateLabel } from './labels'

/**
 * 客户投诉处理记录 / 维修工单: the case laid out on A4 — the record, its steps, the result, the
 * follow-up and who signed. Opening it is recorded (customer data on paper, H-IS-14).
 */
export function CasePrintPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const me = useCurrentUser()
  const { timeZone } = useCurrentProperty()
  const query = useCase(id)
  const record = useRecordPrint()
  const recorded = useRef<string | null>(null)
  const { mutate } = record

  useEffect(() => {
    if (!query.data || recorded.current === id) return
    recorded.current = id
    mutate({ id, document: query.data.type === 'release' ? 'release_slip' : 'record' })
  }, [id, query.data, mutate])

  if (query.isPending) return <Skeleton active />
  if (query.isError) return <Result status="error" title={errorMessage(t, query.error)} />
  const c = query.data
  const toolbar = (
    <Flex className="no-print" justify="space-between" style={{ marginBottom: 16 }}>
      <Link to={`/cases/${c.id}`}>
        <ArrowLeftOutlined /> {t('cases.print.back')}
      </Link>
      <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
        {t('cases.print.print')}
      </Button>
    </Flex>
  )
  // 物品放行条 is a form of its own: security reads it at the gate.
  if (c.type === 'release')
    return (
      <>
        {toolbar}
        <ReleaseSlipSheet detail={c} timeZone={timeZone} />
      </>
    )
  const at = (iso: string | null) => formatDateTime(iso, timeZone).slice(0, 16)
  const dash = (v: string | null | undefined) => v || '—'
  const facts: [string, string][] = [
    [t('cases.field.customer'), dash(c.customerName)],
    [t('cases.field.unit'), dash(c.unitNumber)],
    [t('cases.field.contactName'), dash(c.contactName)],
    [t('cases.field.contactPhone'), dash(c.contactPhone)],
    [t('cases.field.channel'), t(`cases.channel.${c.channel}`)],
    [t('cases.field.priority'), t(`cases.priority.${c.priority}`)],
    [t('cases.field.department'), c.department ? t(`department.${c.department}`) : '—'],
    [t('cases.field.assignee'), dash(c.assigneeName)],
    [t('cases.field.state'), stateLabel(t, c.type, c.state)],
    [t('cases.field.closedAt'), at(c.closedAt)],
  ]
  const pairs = facts.flatMap((_, i) => (i % 2 === 0 ? [facts.slice(i, i + 2)] : []))
  const details = shownEntries(c.data)
  const steps = c.timeline.filter((e) => e.kind !== 'comment' || e.visibility === 'customer')

  return (
    <>
      {toolbar}
      <article className="print-sheet case-record">
        <header>
          <div className="case-record-building">{c.propertyName}</div>
          <h1>{t(`cases.print.title.${c.type}`)}</h1>
          <div className="case-record-meta">
            <span>
              {t('cases.col.number')}：{c.number}
            </span>
            <span>
              {t('cases.field.createdAt')}：{at(c.createdAt)}
            </span>
          </div>
        </header>
        <table className="case-record-table">
          <tbody>
            {pairs.map((pair) => (
              <tr key={pair[0]?.[0]}>
                {pair.map(([label, value]) => (
                  <Fragment key={label}>
                    <th>{label}</th>
                    <td>{value}</td>
                  </Fragment>
                ))}
              </tr>
            ))}
            <tr>
              <th>{t('cases.field.title')}</th>
              <td colSpan={3}>{c.title}</td>
            </tr>
            <tr>
              <th>{t('cases.field.description')}</th>
              <td colSpan={3} className="pre">
                {dash(c.description)}
              </td>
            </tr>
            {details.map(([key, value]) => (
              <tr key={key}>
                <th>{fieldLabel(t, key, c.type)}</th>
                <td colSpan={3} className="pre">
                  {dataText(t, key, value, timeZone)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('cases.detail.timeline')}</h2>
        <table className="case-record-table case-record-history">
          <colgroup>
            <col style={{ width: 130 }} />
            <col style={{ width: 90 }} />
            <col style={{ width: 170 }} />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>{t('cases.print.time')}</th>
              <th>{t('cases.print.actor')}</th>
              <th>{t('cases.print.step')}</th>
              <th>{t('cases.print.note')}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{at(e.at)}</td>
                <td className="nowrap">{e.actorName}</td>
                <td>
                  {e.kind === 'action'
                    ? actionLabel(t, e.action ?? '', c.type)
                    : t(`cases.timeline.kind.${e.kind}`, { defaultValue: e.kind })}
                  {e.toState &&
                    e.fromState !== e.toState &&
                    ` → ${stateLabel(t, c.type, e.toState)}`}
                </td>
                <td className="pre">
                  {[
                    e.reason,
                    typeof e.data.text === 'string' ? e.data.text : null,
                    ...shownEntries(e.data).map(
                      ([k, v]) => `${fieldLabel(t, k, c.type)}：${dataText(t, k, v, timeZone)}`,
                    ),
                  ]
                    .filter(Boolean)
                    .join('\n')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('cases.detail.signOffs')}</h2>
        <table className="case-record-table">
          <tbody>
            {c.signOffs.length === 0 && (
              <tr>
                <td colSpan={4}>{t('cases.detail.noSignOffs')}</td>
              </tr>
            )}
            {c.signOffs.map((s) => (
              <tr key={s.id}>
                <th>{actionLabel(t, s.action, c.type)}</th>
                <td>
                  {s.signerName}（{roleLabel(t, s.signerRole)}）
                </td>
                <td className="nowrap">{at(s.signedAt)}</td>
                <td className="signature-cell">
                  {s.signatureId && (
                    <img
                      src={attachmentUrl(c.id, s.signatureId)}
                      alt={t('cases.signature.of', { name: s.signerName })}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <footer>
          {t('cases.print.printedBy', { name: me.displayName, at: at(new Date().toISOString()) })}
        </footer>
      </article>
    </>
  )
}
