import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons'
import { Button, Flex, Result, Skeleton } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useCurrentUser } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { formatDateTime } from '../../ui/format'
import { useCase } from '../cases/api'
import { enumLabel } from '../cases/labels'
import { usePrintAudit } from './components/usePrintAudit'
import { fitOutView } from './fit-out-data'
import './print.css'

const RULES = ['hours', 'passes', 'structure', 'debris', 'fire', 'posted'] as const

/**
 * 装修许可证: the permit posted on the unit's door once security has issued the passes
 * (data.permitIssuedOn, H-FO-9) — who works there, on what, when, and whom to call.
 */
export function PermitPrintPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const me = useCurrentUser()
  const { timeZone } = useCurrentProperty()
  const query = useCase(id)
  const c = query.data
  const view = c?.type === 'fit_out' ? fitOutView(c.data) : null
  usePrintAudit(id, Boolean(view?.permitIssuedOn), 'permit')

  if (query.isPending) return <Skeleton active />
  if (query.isError) return <Result status="error" title={errorMessage(t, query.error)} />
  const back = (
    <Link to={`/cases/${id}`}>
      <ArrowLeftOutlined /> {t('cases.print.back')}
    </Link>
  )
  if (!c || !view) return <Result status="404" title={t('fitOut.notFitOut')} extra={back} />
  if (!view.permitIssuedOn)
    return <Result status="warning" title={t('fitOut.permit.notYet')} extra={back} />

  const dash = (v: string | null | undefined) => v || '—'
  const { contractor } = view
  const scope = view.scope.map((s) => enumLabel(t, 'scope', s)).join('、')
  return (
    <>
      <Flex className="no-print" justify="space-between" style={{ marginBottom: 16 }}>
        {back}
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('cases.print.print')}
        </Button>
      </Flex>
      <article className="print-sheet case-record permit-sheet">
        <header>
          <div className="case-record-building">{c.propertyName}</div>
          <h1>{t('fitOut.permit.title')}</h1>
          <div className="case-record-meta">
            <span>
              {t('fitOut.permit.number')}：{c.number}
            </span>
            <span>
              {t('fitOut.permit.issuedOn')}：{view.permitIssuedOn}
            </span>
          </div>
        </header>
        <div className="permit-unit">
          {t('fitOut.permit.unit')} {dash(c.unitNumber)}
        </div>
        <table className="case-record-table">
          <tbody>
            <tr>
              <th>{t('fitOut.permit.customer')}</th>
              <td colSpan={3}>{dash(c.customerName)}</td>
            </tr>
            <tr>
              <th>{t('fitOut.permit.contractor')}</th>
              <td>{dash(contractor.name)}</td>
              <th>{t('fitOut.permit.licence')}</th>
              <td>{dash(contractor.licenceNumber)}</td>
            </tr>
            <tr>
              <th>{t('fitOut.permit.siteLead')}</th>
              <td>{dash(contractor.siteLead)}</td>
              <th>{t('fitOut.permit.siteLeadPhone')}</th>
              <td>{dash(contractor.siteLeadPhone)}</td>
            </tr>
            <tr>
              <th>{t('fitOut.permit.scope')}</th>
              <td colSpan={3} className="pre">
                {[scope, view.scopeDetails].filter(Boolean).join('\n') || '—'}
              </td>
            </tr>
            <tr>
              <th>{t('fitOut.permit.dates')}</th>
              <td>
                {t('fitOut.permit.dateRange', {
                  from: dash(view.startDate),
                  to: dash(view.endDate),
                })}
              </td>
              <th>{t('fitOut.permit.hours')}</th>
              <td>{dash(view.dailyHours)}</td>
            </tr>
            <tr>
              <th>{t('fitOut.permit.emergency')}</th>
              <td colSpan={3}>
                {t('fitOut.permit.emergencyDesk')}
                <span className="permit-fill" />
              </td>
            </tr>
          </tbody>
        </table>
        <h2>{t('fitOut.permit.rulesTitle')}</h2>
        <ol className="permit-rules">
          {RULES.map((rule) => (
            <li key={rule}>{t(`fitOut.permit.rules.${rule}`)}</li>
          ))}
        </ol>
        <div className="permit-signatures">
          <div>{t('fitOut.permit.signDesk')}</div>
          <div>{t('fitOut.permit.signEngineering')}</div>
          <div>{t('fitOut.permit.signSecurity')}</div>
        </div>
        <footer>
          {t('cases.print.printedBy', {
            name: me.displayName,
            at: formatDateTime(new Date().toISOString(), timeZone).slice(0, 16),
          })}
        </footer>
      </article>
    </>
  )
}
