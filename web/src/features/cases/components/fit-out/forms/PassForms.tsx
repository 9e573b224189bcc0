// H-FO-9: security issues the workers' passes (one per rostered worker without a live one), with
// their validity, having explained the fit-out rules; and revokes a pass with the reason.
import { Alert, Checkbox, Col, DatePicker, Flex, Form, Input, Row, Select, Tag } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useCurrentProperty } from '../../../../../app/property/property-context'
import { todayIn } from '../../../../../ui/format'
import { type FitOutPass, useCasePasses } from '../../../fit-out-api'
import type { ActionForm, ActionFormProps } from '../../action-forms'
import { fitOutData, type RosterWorker } from '../fit-out-data'
import { defined, textOf } from './form-values'

/** A pass that still lets its holder in, or will again when the works resume. */
export const isLive = (p: FitOutPass) => p.status === 'active' || p.status === 'suspended'

/**
 * The rostered workers the next issue covers: those without a pass, or whose pass was collected.
 * A revoked pass is not issued again.
 */
export function workersWithoutPass(roster: RosterWorker[], passes: FitOutPass[]) {
  const held = new Set(
    passes.filter((p) => p.status !== 'collected').map((p) => `${p.workerName}|${p.idNumber}`),
  )
  return roster.filter((w) => !held.has(`${w.name}|${w.idNumber}`))
}

function IssuePassesFields({ detail }: ActionFormProps) {
  const { t } = useTranslation()
  const { timeZone } = useCurrentProperty()
  const today = todayIn(timeZone)
  const data = fitOutData(detail)
  const passes = useCasePasses(detail.id, detail.version)
  const scheduleEnd = data.schedule?.endDate
  const pending = workersWithoutPass(data.roster ?? [], passes.data ?? [])
  const outside = (d: Dayjs) => {
    const day = d.format('YYYY-MM-DD')
    return day < today || (scheduleEnd !== undefined && day > scheduleEnd)
  }
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('cases.fitOut.passes.willIssue', { count: pending.length })}
        description={
          <Flex wrap gap={4}>
            {pending.map((w) => (
              <Tag key={`${w.name}|${w.idNumber}`}>
                {w.name} · {w.role}
              </Tag>
            ))}
          </Flex>
        }
      />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="validFrom"
            label={t('cases.field.validFrom')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={outside} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="validTo"
            label={t('cases.field.validTo')}
            dependencies={['validFrom']}
            extra={scheduleEnd && t('cases.fitOut.passes.untilSchedule', { date: scheduleEnd })}
            rules={[
              { required: true, message: t('errors.field.required') },
              ({ getFieldValue }) => ({
                validator: (_, to?: Dayjs) => {
                  const from = getFieldValue('validFrom') as Dayjs | undefined
                  if (!to) return Promise.resolve()
                  const day = to.format('YYYY-MM-DD')
                  const refusal =
                    from && to.isBefore(from, 'day')
                      ? 'errors.fit_out.dates_order'
                      : day < today
                        ? 'errors.fit_out.pass_expired'
                        : scheduleEnd && day > scheduleEnd
                          ? 'errors.fit_out.pass_beyond_schedule'
                          : null
                  return refusal ? Promise.reject(new Error(t(refusal))) : Promise.resolve()
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={outside} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="rulesExplained"
        valuePropName="checked"
        rules={[
          {
            validator: (_, ok?: boolean) =>
              ok ? Promise.resolve() : Promise.reject(new Error(t('cases.form.mustConfirm'))),
          },
        ]}
      >
        <Checkbox>{t('cases.field.rulesExplained')}</Checkbox>
      </Form.Item>
      <Form.Item name="note" label={t('cases.field.note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
    </>
  )
}

const laterOf = (a: string, b: string) => (a > b ? a : b)

export const issuePassesForm: ActionForm = {
  Fields: IssuePassesFields,
  initialValues: (detail) => {
    const schedule = fitOutData(detail).schedule
    const today = dayjs().format('YYYY-MM-DD')
    return {
      validFrom: dayjs(laterOf(schedule?.startDate ?? today, today)),
      validTo: schedule?.endDate ? dayjs(schedule.endDate) : undefined,
      rulesExplained: false,
    }
  },
  toInput: (v) =>
    defined({
      validFrom: (v.validFrom as Dayjs).format('YYYY-MM-DD'),
      validTo: (v.validTo as Dayjs).format('YYYY-MM-DD'),
      rulesExplained: true,
      note: textOf(v.note),
    }),
}

function RevokePassFields({ detail, preset }: ActionFormProps) {
  const { t } = useTranslation()
  const passes = useCasePasses(detail.id, detail.version)
  return (
    <>
      <Form.Item
        name="passId"
        label={t('cases.field.passId')}
        rules={[{ required: true, message: t('errors.field.required') }]}
      >
        <Select
          disabled={Boolean(preset?.passId)}
          loading={passes.isPending}
          options={(passes.data ?? []).filter(isLive).map((p) => ({
            value: p.id,
            label: `${p.number} · ${p.workerName} · ${p.workerRole}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('cases.fitOut.passes.revokeReason')}
        rules={[
          { required: true, whitespace: true, message: t('errors.field.required') },
          { min: 2, message: t('cases.form.minLength', { count: 2 }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
      </Form.Item>
    </>
  )
}

export const revokePassForm: ActionForm = {
  Fields: RevokePassFields,
  toInput: (v) => ({ passId: v.passId, reason: textOf(v.reason) }),
}
