import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App as AntApp, Button, Flex, Form, Input, Result, Skeleton, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { isStaleVersion } from '../../api/client'
import { RequireAuth } from '../../app/auth/RequireAuth'
import { RequirePermission } from '../../app/auth/RequirePermission'
import { applyFormErrors, errorMessage } from '../../ui/errors'
import { type CaseDetail, type DepartmentCode, useCase, useCaseAction } from '../cases/api'
import { stateLabel } from '../cases/labels'
import { FindingFields, SEVERITIES } from './components/FindingFields'
import './gate.css'

type Finding = {
  description: string
  location: string
  severity: (typeof SEVERITIES)[number]
  department: DepartmentCode
  photoId?: string
}
type PatrolValues = { area?: string; findings?: Finding[]; explainedTo?: string; note?: string }

const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined)

function PatrolForm({ detail, onStale }: { detail: CaseDetail; onStale: () => Promise<unknown> }) {
  const { t } = useTranslation()
  const { message } = AntApp.useApp()
  const navigate = useNavigate()
  const [form] = Form.useForm<PatrolValues>()
  const take = useCaseAction(detail.id)
  const [uploads, setUploads] = useState(0)
  const [problem, setProblem] = useState<string | null>(null)
  const findings = Form.useWatch('findings', form) ?? []
  const onBusy = (busy: boolean) => setUploads((n) => n + (busy ? 1 : -1))

  const submit = async (values: PatrolValues) => {
    setProblem(null)
    const input = {
      area: trimmed(values.area),
      findings: (values.findings ?? []).map((f) => ({
        description: f.description.trim(),
        location: f.location.trim(),
        severity: f.severity,
        department: f.department,
        ...(f.photoId ? { photoId: f.photoId } : {}),
      })),
      explainedTo: trimmed(values.explainedTo),
      note: trimmed(values.note),
    }
    try {
      await take.mutateAsync({ action: 'record_patrol', input, version: detail.version })
      void message.success(t('fitOut.patrol.saved'))
      void navigate(`/cases/${detail.id}`)
    } catch (error) {
      if (isStaleVersion(error)) {
        await onStale()
        setProblem(t('errors.stale_reloaded'))
      } else if (!applyFormErrors(form, t, error)) {
        setProblem(errorMessage(t, error))
      }
      window.scrollTo({ top: 0, behavior: 'smooth' })
    }
  }

  return (
    <Form form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form.Item name="area" label={t('fitOut.patrol.area')}>
        <Input maxLength={100} placeholder={t('fitOut.patrol.areaHint')} />
      </Form.Item>
      <Typography.Text strong>{t('fitOut.patrol.findings')}</Typography.Text>
      <Form.List name="findings">
        {(fields, { add, remove }) => (
          <Flex vertical gap={12} style={{ margin: '8px 0 20px' }}>
            {fields.length === 0 && (
              <Typography.Text type="secondary">{t('fitOut.patrol.noFindings')}</Typography.Text>
            )}
            {fields.map((field, index) => (
              <FindingFields
                key={field.key}
                caseId={detail.id}
                name={field.name}
                index={index}
                onRemove={() => remove(field.name)}
                onBusy={onBusy}
              />
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ severity: 'minor' })}
            >
              {t('fitOut.patrol.addFinding')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Form.Item
        name="explainedTo"
        label={t('fitOut.patrol.explainedTo')}
        extra={t('fitOut.patrol.explainedToHint')}
        rules={[
          {
            required: findings.length > 0,
            whitespace: true,
            message: t('fitOut.patrol.explainedToRequired'),
          },
        ]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="note" label={t('fitOut.patrol.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={take.isPending}
        disabled={uploads > 0}
        style={{ height: 52, fontSize: 18 }}
      >
        {uploads > 0 ? t('fitOut.patrol.uploading') : t('fitOut.patrol.submit')}
      </Button>
    </Form>
  )
}

function PatrolLoader() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const query = useCase(id)
  const back = (
    <Link to={`/cases/${id}`}>
      <ArrowLeftOutlined /> {t('fitOut.patrol.back')}
    </Link>
  )
  if (query.isPending) return <Skeleton active style={{ padding: 16 }} />
  if (query.isError)
    return <Result status="error" title={errorMessage(t, query.error)} extra={back} />
  const c = query.data
  if (c.type !== 'fit_out')
    return <Result status="404" title={t('fitOut.notFitOut')} extra={back} />
  const open = c.availableActions.some((a) => a.name === 'record_patrol')
  return (
    <main className="fitout-phone">
      <Flex justify="space-between" align="baseline" style={{ marginBottom: 4 }}>
        {back}
        <span style={{ fontSize: 14 }}>{c.number}</span>
      </Flex>
      <h1 style={{ fontSize: 22, margin: '8px 0 0' }}>{t('fitOut.patrol.title')}</h1>
      <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
        {[c.unitNumber, c.customerName, stateLabel(t, c.type, c.state)].filter(Boolean).join(' · ')}
      </Typography.Paragraph>
      {open ? (
        <PatrolForm detail={c} onStale={() => query.refetch()} />
      ) : (
        <Result status="info" title={t('fitOut.patrol.notNow')} />
      )}
    </main>
  )
}

/** 装修巡查: a patrol recorded on a phone at the works — findings with photos, who was told. */
export function PatrolPage() {
  return (
    <AntApp>
      <RequireAuth>
        <RequirePermission permission="case.work">
          <PatrolLoader />
        </RequirePermission>
      </RequireAuth>
    </AntApp>
  )
}
