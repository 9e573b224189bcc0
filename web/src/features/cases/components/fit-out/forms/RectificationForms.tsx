// H-FO-10: a rectification notice (整改通知) — the items and the day they are due — and the
// confirmation that one notice was carried out.
import { DatePicker, Form, Input, Select, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { ActionForm, ActionFormProps } from '../../action-forms'
import { LinesField } from '../../SchemaListField'
import { fitOutData } from '../fit-out-data'
import { dayText, defined, linesOf, textOf } from './form-values'

function IssueRectificationFields({ detail }: ActionFormProps) {
  const { t } = useTranslation()
  const patrols = fitOutData(detail).patrols ?? []
  return (
    <>
      <LinesField
        name="items"
        label={t('cases.fitOut.rectify.items')}
        min={1}
        minLength={2}
        maxLength={500}
      />
      {patrols.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
          {t('cases.fitOut.rectify.fromPatrol', { n: patrols.length })}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="dueOn"
        label={t('cases.field.dueOn')}
        rules={[{ required: true, message: t('errors.field.required') }]}
      >
        <DatePicker disabledDate={(d: Dayjs) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </>
  )
}

export const issueRectificationForm: ActionForm = {
  Fields: IssueRectificationFields,
  // The latest patrol's findings as the items (edited or removed before sending), due in 3 days.
  initialValues: (detail) => {
    const findings = fitOutData(detail).patrols?.at(-1)?.findings ?? []
    return {
      items: findings.length ? findings.map((f) => `${f.location}：${f.description}`) : [''],
      dueOn: dayjs().add(3, 'day'),
    }
  },
  toInput: (v) => ({ items: linesOf(v.items), dueOn: dayText(v.dueOn) }),
}

function ConfirmRectifiedFields({ detail, preset }: ActionFormProps) {
  const { t } = useTranslation()
  const open = (fitOutData(detail).rectifications ?? []).filter((r) => r.status === 'open')
  return (
    <>
      <Form.Item
        name="n"
        label={t('cases.fitOut.rectify.notice')}
        rules={[{ required: true, message: t('errors.field.required') }]}
      >
        <Select
          disabled={preset?.n !== undefined}
          options={open.map((r) => ({
            value: r.n,
            label: t('cases.fitOut.rectify.option', {
              n: r.n,
              items: r.items.join('；'),
              due: r.dueOn,
            }),
          }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('cases.field.note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
    </>
  )
}

export const confirmRectifiedForm: ActionForm = {
  Fields: ConfirmRectifiedFields,
  initialValues: (detail) => {
    const open = (fitOutData(detail).rectifications ?? []).filter((r) => r.status === 'open')
    return open.length === 1 ? { n: open[0]?.n } : {}
  },
  toInput: (v) => defined({ n: v.n, note: textOf(v.note) }),
}
