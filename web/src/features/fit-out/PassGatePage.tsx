import { App as AntApp, Flex, Result, Skeleton, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../api/client'
import { useCurrentUser } from '../../app/auth/me-context'
import { RequireAuth } from '../../app/auth/RequireAuth'
import { errorMessage } from '../../ui/errors'
import { stateLabel } from '../cases/labels'
import { type GatePass, useGatePass } from './api'
import { passStanding } from './fit-out-data'
import './gate.css'

function PassView({ pass }: { pass: GatePass }) {
  const { t } = useTranslation()
  const standing = passStanding(pass)
  const facts: [string, string][] = [
    [t('fitOut.gate.role'), pass.workerRole],
    [t('fitOut.gate.idNumber'), pass.idNumber],
    [t('fitOut.gate.unit'), pass.unitNumber ?? '—'],
    [t('fitOut.gate.contractor'), pass.contractor ?? '—'],
    [t('fitOut.gate.company'), pass.customerName ?? '—'],
    [t('fitOut.gate.validity'), `${pass.validFrom} ~ ${pass.validTo}`],
    [t('fitOut.gate.hours'), pass.dailyHours ?? '—'],
    [t('fitOut.gate.passNumber'), pass.number],
  ]
  return (
    <main className="fitout-phone">
      <Flex justify="space-between" align="baseline" style={{ marginBottom: 8 }}>
        <h1 style={{ fontSize: 20, margin: 0 }}>{t('fitOut.gate.title')}</h1>
        <span style={{ fontSize: 14 }}>{pass.propertyName}</span>
      </Flex>
      <div className={`pass-banner pass-banner-${standing}`} role="status">
        {t(`fitOut.gate.standing.${standing}`)}
        <small>
          {standing === 'valid' ? t('fitOut.gate.enter') : t('fitOut.gate.noEntry')}
          {/* A revocation says why (the suspension's reason is the banner itself). */}
          {standing === 'revoked' && pass.statusReason && ` · ${pass.statusReason}`}
        </small>
      </div>
      <p className="pass-worker">{pass.workerName}</p>
      <dl className="pass-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Flex vertical align="center" gap={4} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" style={{ fontSize: 14 }}>
          {t('fitOut.gate.fitOut', {
            number: pass.caseNumber,
            state: stateLabel(t, 'fit_out', pass.caseState),
          })}
        </Typography.Text>
        <Link to={`/cases/${pass.caseId}`} style={{ fontSize: 17, padding: 8 }}>
          {t('fitOut.gate.openCase')}
        </Link>
      </Flex>
    </main>
  )
}

function GatePassLoader() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const me = useCurrentUser()
  const query = useGatePass(id)
  if (query.isPending) return <Skeleton active style={{ padding: 16 }} />
  if (query.isError) {
    const missing = isApiError(query.error) && query.error.status === 404
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('fitOut.gate.notFound') : errorMessage(t, query.error)}
        subTitle={me.displayName}
      />
    )
  }
  return <PassView pass={query.data} />
}

/** 出入证核验: security scans a worker's pass card at the gate and sees whether to let them in. */
export function PassGatePage() {
  return (
    <AntApp>
      <RequireAuth>
        <GatePassLoader />
      </RequireAuth>
    </AntApp>
  )
}
