// H-FO-8: the works schedule and the roster of workers, one row each, before security issues any
// pass. The roster is sent whole each time (workers added later too), with full ID numbers: the
// case only ever shows them masked, so a resubmission types them again.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Col, DatePicker, Form, Input, Row, TimePicker } from 'antd'
import type { Rule } from 'antd/es/form'
import dayjs, { type Dayjs } from 'dayjs'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { ActionForm, ActionFormProps } from '../../action-forms'
import { fitOutData } from '../fit-out-data'
import { PHONE } from '../FitOutFields'
import { defined, textOf } from './form-values'

/** A resident identity card number: 17 digits and a check character (digit or X). */
export const ID_NUMBER = /^[0-9]{17}[0-9Xx]$/

type WorkerRow = { name?: string; idNumber?: string; role?: string; phone?: string }

function workerRules(t: TFunction, col: keyof WorkerRow, row: number): Rule[] {
  const required: Rule = { required: true, whitespace: true, message: t('errors.field.required') }
  if (col === 'idNumber')
    return [
      required,
      { pattern: ID_NUMBER, message: t('cases.fitOut.roster.idInvalid') },
      ({ getFieldValue }) => ({
        // The server refuses a roster with one person twice (fit_out.worker_twice).
        validator: (_, value?: string) => {
          const rows = (getFieldValue('workers') ?? []) as WorkerRow[]
          const mine = value?.trim().toUpperCase()
          const twice = rows.some(
            (w, k) => k !== row && mine && w?.idNumber?.trim().toUpperCase() === mine,
          )
          return twice
            ? Promise.reject(new Error(t('errors.fit_out.worker_twice')))
            : Promise.resolve()
        },
      }),
    ]
  if (col === 'phone')
    return [required, { pattern: PHONE, message: t('cases.fitOut.form.phoneInvalid') }]
  return [required]
}

const COLUMNS: { col: keyof WorkerRow; max: number; span: number }[] = [
  { col: 'name', max: 100, span: 5 },
  { col: 'idNumber', max: 18, span: 7 },
  { col: 'role', max: 50, span: 4 },
  { col: 'phone', max: 20, span: 6 },
]

function RosterFields({ detail }: ActionFormProps) {
  const { t } = useTranslation()
  const again = (fitOutData(detail).roster ?? []).length > 0
  const notPast = (d: Dayjs) => d.isBefore(dayjs(), 'day')
  return (
    <>
      {again && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('cases.fitOut.roster.again')}
        />
      )}
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item
            name="startDate"
            label={t('cases.field.startDate')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={notPast} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="endDate"
            label={t('cases.field.endDate')}
            dependencies={['startDate']}
            rules={[
              { required: true, message: t('errors.field.required') },
              ({ getFieldValue }) => ({
                validator: (_, end?: Dayjs) => {
                  const start = getFieldValue('startDate') as Dayjs | undefined
                  return !end || !start || !end.isBefore(start, 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('errors.fit_out.dates_order')))
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={notPast} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="dailyHours"
            label={t('cases.field.dailyHours')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <TimePicker.RangePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.List
        name="workers"
        rules={[
          {
            validator: (_, rows?: unknown[]) =>
              rows && rows.length > 0
                ? Promise.resolve()
                : Promise.reject(new Error(t('cases.fitOut.roster.oneWorker'))),
          },
        ]}
      >
        {(rows, { add, remove }, { errors }) => (
          <Form.Item label={t('cases.field.workers')} required>
            {rows.length > 0 && (
              <Row gutter={8} wrap={false} className="roster-head">
                <Col flex="28px" />
                {COLUMNS.map(({ col, span }) => (
                  <Col key={col} span={span}>
                    {t(`cases.item.workers.${col}`)}
                  </Col>
                ))}
                <Col flex="24px" />
              </Row>
            )}
            {rows.map((row) => (
              <Row key={row.key} gutter={8} wrap={false} align="top">
                <Col flex="28px" style={{ paddingTop: 5 }}>
                  {row.name + 1}.
                </Col>
                {COLUMNS.map(({ col, max, span }) => (
                  <Col key={col} span={span}>
                    <Form.Item
                      name={[row.name, col]}
                      rules={workerRules(t, col, row.name)}
                      validateFirst
                      dependencies={col === 'idNumber' ? ['workers'] : undefined}
                      style={{ marginBottom: 8 }}
                    >
                      <Input
                        maxLength={max}
                        placeholder={t(`cases.item.workers.${col}`)}
                        aria-label={`${t(`cases.item.workers.${col}`)} ${row.name + 1}`}
                        inputMode={col === 'phone' ? 'tel' : undefined}
                      />
                    </Form.Item>
                  </Col>
                ))}
                <Col flex="24px" style={{ paddingTop: 5 }}>
                  <MinusCircleOutlined
                    aria-label={t('cases.form.removeRow')}
                    onClick={() => remove(row.name)}
                  />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('cases.fitOut.roster.addWorker')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="note" label={t('cases.field.note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
    </>
  )
}

const day = (s?: string) => (s ? dayjs(s) : undefined)
/** "08:30" as a time of today (the picker shows only hours and minutes). */
const clock = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number)
  return dayjs().hour(h).minute(m).second(0)
}

export const rosterForm: ActionForm = {
  Fields: RosterFields,
  // The schedule asked for (or the one sent before); names and trades of the roster so far, the
  // ID numbers and phones to be typed again.
  initialValues: (detail) => {
    const data = fitOutData(detail)
    const schedule = data.schedule
    const hours = /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(schedule?.dailyHours ?? '08:00-18:00')
    const roster = data.roster ?? []
    return {
      startDate: day(schedule?.startDate ?? data.startDate),
      endDate: day(schedule?.endDate ?? data.endDate),
      dailyHours: hours ? [clock(hours[1] ?? ''), clock(hours[2] ?? '')] : undefined,
      workers: roster.length
        ? roster.map((w) => ({ name: w.name, role: w.role }))
        : Array.from({ length: Math.min(data.workerCount ?? 1, 20) }, () => ({})),
    }
  },
  toInput: (v) => {
    const [from, to] = (v.dailyHours ?? []) as Dayjs[]
    return defined({
      startDate: (v.startDate as Dayjs).format('YYYY-MM-DD'),
      endDate: (v.endDate as Dayjs).format('YYYY-MM-DD'),
      dailyHours: from && to ? `${from.format('HH:mm')}-${to.format('HH:mm')}` : undefined,
      workers: ((v.workers ?? []) as WorkerRow[]).map((w) => ({
        name: w.name?.trim(),
        idNumber: w.idNumber?.trim().toUpperCase(),
        role: w.role?.trim(),
        phone: w.phone?.trim(),
      })),
      note: textOf(v.note),
    })
  },
  width: 900,
}
