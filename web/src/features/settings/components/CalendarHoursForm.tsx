import { App, Button, Checkbox, Flex, Form, Select } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { isStaleVersion } from '../../../api/client'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { type CalendarSettings, useUpdateCalendar } from '../api'
import { clockTime } from '../duration'

type Values = Pick<CalendarSettings, 'timeZone' | 'workStart' | 'workEnd' | 'workWeekdays'>

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7]
const HALF_HOURS = Array.from({ length: 49 }, (_, i) => i * 30)

function timeOptions(current: number, from: number, to: number) {
  const minutes = HALF_HOURS.includes(current) ? HALF_HOURS : [...HALF_HOURS, current]
  return minutes
    .filter((m) => m >= from && m <= to)
    .sort((a, b) => a - b)
    .map((m) => ({ value: m, label: clockTime(m) }))
}

function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  return all.includes(current) ? all : [current, ...all]
}

/** A building's time zone, working hours and weekdays; saving stores the calendar as its own. */
export function CalendarHoursForm({
  propertyId,
  calendar,
}: {
  propertyId: string
  calendar: CalendarSettings
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const update = useUpdateCalendar()
  const zones = useMemo(() => timeZones(calendar.timeZone), [calendar.timeZone])

  const submit = async () => {
    const values = await form.validateFields()
    try {
      await update.mutateAsync({ propertyId, body: { ...values, version: calendar.version } })
      void message.success(t('common.saved'))
    } catch (error) {
      if (isStaleVersion(error)) void message.warning(t('errors.stale_reloaded'))
      else if (!applyFormErrors(form, t, error)) void message.error(errorMessage(t, error))
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="inline"
      initialValues={calendar}
      onFinish={() => void submit()}
      style={{ rowGap: 12 }}
    >
      <Form.Item name="timeZone" label={t('settings.deadlines.timeZone')}>
        <Select
          showSearch
          style={{ width: 220 }}
          options={zones.map((z) => ({ value: z, label: z }))}
        />
      </Form.Item>
      <Form.Item name="workStart" label={t('settings.deadlines.workStart')}>
        <Select style={{ width: 100 }} options={timeOptions(calendar.workStart, 0, 1410)} />
      </Form.Item>
      <Form.Item
        name="workEnd"
        label={t('settings.deadlines.workEnd')}
        dependencies={['workStart']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, end: number) =>
              end > (getFieldValue('workStart') as number)
                ? Promise.resolve()
                : Promise.reject(new Error(t('errors.settings.work_hours'))),
          }),
        ]}
      >
        <Select style={{ width: 100 }} options={timeOptions(calendar.workEnd, 30, 1440)} />
      </Form.Item>
      <Form.Item
        name="workWeekdays"
        label={t('settings.deadlines.workWeekdays')}
        rules={[{ required: true, type: 'array', min: 1 }]}
      >
        <Checkbox.Group
          options={WEEKDAYS.map((d) => ({ value: d, label: t(`settings.deadlines.weekday.${d}`) }))}
        />
      </Form.Item>
      <Flex>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  )
}
