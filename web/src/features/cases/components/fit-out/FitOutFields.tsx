// 装修申请表 (H-FO-1) on the intake form: the contractor, what the works touch, when, how many
// workers. The fields carry the server's names (data.contractor.name…) so that a refusal lands on
// its field; the checks here are the server's, said in the user's language before sending.
import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Typography } from 'antd'
import type { Rule } from 'antd/es/form'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useCurrentProperty } from '../../../../app/property/property-context'
import { todayIn } from '../../../../ui/format'
import { enumOptions } from '../TypeFields'

/** The contractor's site lead's phone, as the server's pattern has it. */
export const PHONE = /^[0-9+\- ]{7,20}$/

export function FitOutFields() {
  const { t } = useTranslation()
  const { timeZone } = useCurrentProperty()
  const today = todayIn(timeZone)
  const required = { required: true, message: t('errors.field.required') }
  const typed = (min: number): Rule[] => [
    { ...required, whitespace: true },
    ...(min > 1 ? [{ min, message: t('cases.form.minLength', { count: min }) }] : []),
  ]
  const past = (d: Dayjs) => d.format('YYYY-MM-DD') < today

  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('cases.fitOut.form.contractor')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['data', 'contractor', 'name']}
            label={t('cases.field.contractorName')}
            rules={typed(2)}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['data', 'contractor', 'licenceNumber']}
            label={t('cases.field.licenceNumber')}
            rules={typed(4)}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['data', 'contractor', 'siteLead']}
            label={t('cases.field.siteLead')}
            rules={typed(1)}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['data', 'contractor', 'siteLeadPhone']}
            label={t('cases.field.siteLeadPhone')}
            rules={[
              { ...required, whitespace: true },
              { pattern: PHONE, message: t('cases.fitOut.form.phoneInvalid') },
            ]}
          >
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name={['data', 'scope']}
        label={t('cases.field.scope')}
        rules={[{ required: true, type: 'array', min: 1, message: t('cases.fitOut.form.scope') }]}
      >
        <Checkbox.Group options={enumOptions(t, 'scope')} />
      </Form.Item>
      <Form.Item name={['data', 'scopeDetails']} label={t('cases.field.scopeDetails')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          placeholder={t('cases.fitOut.form.scopeDetailsPlaceholder')}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name={['data', 'startDate']}
            label={t('cases.field.startDate')}
            rules={[
              required,
              {
                validator: (_, d?: Dayjs) =>
                  !d || !past(d)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('errors.fit_out.start_past'))),
              },
            ]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={past} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['data', 'endDate']}
            label={t('cases.field.endDate')}
            dependencies={[['data', 'startDate']]}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: (_, end?: Dayjs) => {
                  const start = getFieldValue(['data', 'startDate']) as Dayjs | undefined
                  return !end || !start || !end.isBefore(start, 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('errors.fit_out.dates_order')))
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={past} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['data', 'workerCount']}
            label={t('cases.field.workerCount')}
            rules={[required]}
          >
            <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  )
}
