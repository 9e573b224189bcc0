// The intake form's fields for a move-in, a move-out and a goods release slip (their `data`).
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Space } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { CaseType } from '../api'
import { enumOptions } from './TypeFields'

const notPast = (d: dayjs.Dayjs) => d.isBefore(dayjs(), 'day')

/** The goods on a release slip: name and quantity per line, at least one line. */
function GoodsList() {
  const { t } = useTranslation()
  return (
    <Form.List
      name="items"
      rules={[
        {
          validator: (_, rows?: unknown[]) =>
            rows && rows.length > 0
              ? Promise.resolve()
              : Promise.reject(new Error(t('cases.release.itemsRequired'))),
        },
      ]}
    >
      {(rows, { add, remove }, { errors }) => (
        <Form.Item label={t('cases.field.items')} required>
          {rows.map((row) => (
            <Space key={row.key} align="baseline" wrap style={{ display: 'flex' }}>
              <Form.Item
                name={[row.name, 'name']}
                rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
              >
                <Input
                  placeholder={t('cases.item.items.name')}
                  aria-label={t('cases.item.items.name')}
                  maxLength={100}
                  style={{ width: 240 }}
                />
              </Form.Item>
              <Form.Item
                name={[row.name, 'quantity']}
                rules={[{ required: true, message: t('errors.field.required') }]}
              >
                <InputNumber
                  placeholder={t('cases.item.items.quantity')}
                  aria-label={t('cases.item.items.quantity')}
                  min={1}
                  max={10000}
                  precision={0}
                />
              </Form.Item>
              <MinusCircleOutlined
                aria-label={t('cases.form.removeRow')}
                onClick={() => remove(row.name)}
              />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })}>
            {t('cases.form.addRow')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  )
}

export function MoveTypeFields({ type }: { type: CaseType }) {
  const { t } = useTranslation()
  const required = [{ required: true, message: t('errors.field.required') }]
  switch (type) {
    case 'move_in':
      return (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="moveInDate" label={t('cases.field.moveInDate')} rules={required}>
              <DatePicker style={{ width: '100%' }} disabledDate={notPast} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="role" label={t('cases.field.role')} rules={required}>
              <Radio.Group optionType="button" options={enumOptions(t, 'role')} />
            </Form.Item>
          </Col>
        </Row>
      )
    case 'move_out':
      return (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="moveOutDate" label={t('cases.field.moveOutDate')} rules={required}>
              <DatePicker style={{ width: '100%' }} disabledDate={notPast} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="reason" label={t('cases.field.moveOutReason')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      )
    case 'release':
      return (
        <>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="carrierName"
                label={t('cases.field.carrierName')}
                rules={[{ ...required[0], whitespace: true }]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="carrierIdNumber"
                label={t('cases.field.carrierIdNumber')}
                rules={[{ pattern: /^[0-9Xx]{6,18}$/, message: t('errors.field.pattern') }]}
              >
                <Input maxLength={18} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="vehicle" label={t('cases.field.vehicle')}>
                <Input maxLength={20} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="validOn" label={t('cases.field.validOn')} rules={required}>
            <DatePicker disabledDate={notPast} />
          </Form.Item>
          <GoodsList />
        </>
      )
    default:
      return null
  }
}
