import { CheckOutlined, StopOutlined } from '@ant-design/icons'
import { Alert, App as AntApp, Button, Flex, Form, Input, Modal, Result, Skeleton } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError, isStaleVersion } from '../../api/client'
import { useCurrentUser } from '../../app/auth/me-context'
import { RequireAuth } from '../../app/auth/RequireAuth'
import { CurrentPropertyProvider } from '../../app/property/CurrentPropertyProvider'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { todayIn } from '../../ui/format'
import { type CaseDetail, useCase, useCaseAction } from './api'
import { type ReleaseData, slipStanding } from './components/release'
import { enumLabel, maskIdNumber, stateLabel } from './labels'
import './moves.css'

/** 拒绝放行: the goods do not match the slip; the reason goes on the record. */
function RefuseModal({
  pending,
  onClose,
  onRefuse,
}: {
  pending: boolean
  onClose: () => void
  onRefuse: (reason: string) => Promise<void>
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ reason: string }>()
  const submit = async () => {
    const { reason } = await form.validateFields()
    await onRefuse(reason.trim())
  }
  return (
    <Modal
      open
      title={t('cases.gate.refuse')}
      okText={t('cases.gate.refuse')}
      okButtonProps={{ danger: true, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      confirmLoading={pending}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('cases.gate.refuseReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 4,
              message: t('cases.form.minLength', { count: 4 }),
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function Gate({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation()
  const { modal } = AntApp.useApp()
  const { timeZone } = useCurrentProperty()
  const take = useCaseAction(detail.id)
  const [refusing, setRefusing] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const data = detail.data as ReleaseData
  const standing = slipStanding(detail, todayIn(timeZone))
  const can = (name: string) => detail.availableActions.some((a) => a.name === name)

  const act = async (action: 'check_out' | 'refuse', input: object) => {
    setRefusal(null)
    try {
      await take.mutateAsync({ action, input, version: detail.version })
      setRefusing(false)
    } catch (error) {
      // The server is the judge: an expired or used slip is refused with its reason.
      setRefusal(isStaleVersion(error) ? t('errors.stale_reloaded') : errorMessage(t, error))
      setRefusing(false)
    }
  }
  const onRelease = () =>
    modal.confirm({
      title: t('cases.gate.confirmRelease'),
      content: t('cases.gate.confirmReleaseHint'),
      okText: t('cases.gate.release'),
      cancelText: t('cases.gate.cancel'),
      onOk: () => act('check_out', {}),
    })

  const facts: [string, string][] = [
    [t('cases.field.unit'), detail.unitNumber ?? '—'],
    [t('cases.field.customer'), detail.customerName ?? '—'],
    [t('cases.field.carrierName'), data.carrierName ?? '—'],
    [
      t('cases.field.carrierIdNumber'),
      data.carrierIdNumber ? maskIdNumber(data.carrierIdNumber) : '—',
    ],
    [t('cases.field.vehicle'), data.vehicle ?? '—'],
    [t('cases.field.validOn'), data.validOn ?? '—'],
    [
      t('cases.field.ownerConsent'),
      data.ownerConsent
        ? `${data.ownerConsent.ownerName}（${enumLabel(t, 'method', data.ownerConsent.method)}）`
        : t('cases.release.noConsent'),
    ],
  ]

  return (
    <main className="gate-page">
      <Flex justify="space-between" align="baseline" style={{ marginBottom: 8 }}>
        <h1 style={{ fontSize: 22, margin: 0 }}>{t('cases.release.slipTitle')}</h1>
        <span>{detail.number}</span>
      </Flex>
      <div className={`gate-banner gate-banner-${standing}`} role="status">
        {t(`cases.release.standing.${standing}`)}
        <small>{stateLabel(t, detail.type, detail.state)}</small>
      </div>
      {refusal && (
        <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12, fontSize: 17 }} />
      )}
      <table className="gate-items" aria-label={t('cases.field.items')}>
        <tbody>
          {(data.items ?? []).map((item, i) => (
            <tr key={i}>
              <td>{item.name}</td>
              <td className="qty">× {item.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="gate-facts" style={{ marginTop: 16 }}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Flex vertical gap={12} style={{ marginTop: 8 }}>
        {can('check_out') && (
          <Button
            type="primary"
            size="large"
            block
            icon={<CheckOutlined />}
            loading={take.isPending && !refusing}
            onClick={onRelease}
            style={{ height: 56, fontSize: 20, background: '#389e0d' }}
          >
            {t('cases.gate.release')}
          </Button>
        )}
        {can('refuse') && (
          <Button
            danger
            size="large"
            block
            icon={<StopOutlined />}
            onClick={() => setRefusing(true)}
            style={{ height: 52, fontSize: 18 }}
          >
            {t('cases.gate.refuse')}
          </Button>
        )}
        <Link to={`/cases/${detail.id}`} style={{ textAlign: 'center' }}>
          {t('cases.gate.openCase')}
        </Link>
      </Flex>
      {refusing && (
        <RefuseModal
          pending={take.isPending}
          onClose={() => setRefusing(false)}
          onRefuse={(reason) => act('refuse', { reason })}
        />
      )}
    </main>
  )
}

function GateCase() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const me = useCurrentUser()
  const query = useCase(id)
  if (query.isPending) return <Skeleton active style={{ padding: 16 }} />
  if (query.isError || query.data.type !== 'release') {
    const missing = !query.isError || (isApiError(query.error) && query.error.status === 404)
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('cases.gate.notFound') : errorMessage(t, query.error)}
        subTitle={me.displayName}
      />
    )
  }
  return <Gate detail={query.data} />
}

/** 门岗核验: security opens a release slip from its QR code on a phone, checks and releases. */
export function ReleaseGatePage() {
  return (
    <AntApp>
      <RequireAuth>
        <CurrentPropertyProvider>
          <GateCase />
        </CurrentPropertyProvider>
      </RequireAuth>
    </AntApp>
  )
}
