import { Col, DatePicker, Form, Input, Radio, Row, Select, Switch } from 'antd'
import dayjs from 'dayjs'
import type { TFunction } from 'i18next'
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { type CaseType, DEPARTMENTS } from '../api'
import { FitOutFields } from './fit-out/FitOutFields'
import { MoveTypeFields } from './MoveTypeFields'

/** The values of a `cases.enum.<field>` group, as the i18n file lists them, with labels. */
export function enumOptions(t: TFunction, field: string): { value: string; label: string }[] {
  const values = t(`cases.enum.${field}`, { returnObjects: true }) as unknown
  if (typeof values !== 'object' || values === null) return []
  return Object.entries(values as Record<string, string>).map(([value, label]) => ({
    value,
    label,
  }))
}

type Props = {
  type: CaseType
  /** Ctrl+Enter in a text area submits the form. */
  onSubmitKey: (event: KeyboardEvent) => void
}

/** The fields a type adds to the intake form (its `data`, a liaison slip's receiver and deadline). */
export function TypeFields({ type, onSubmitKey }: Props) {
  const { t } = useTranslation()
  const answeredNow = Form.useWatch<boolean | undefined>('answeredNow')

  switch (type) {
    case 'complaint':
      return (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="category" label={t('cases.field.category')}>
              <Radio.Group optionType="button" options={enumOptions(t, 'category')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="subject" label={t('cases.field.subject')}>
              <Input maxLength={200} placeholder={t('cases.intake.subjectPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
      )
    case 'repair':
      return (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="fault" label={t('cases.field.fault')}>
              <Select allowClear options={enumOptions(t, 'fault')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="preferredTime" label={t('cases.field.preferredTime')}>
              <Input maxLength={100} placeholder={t('cases.intake.preferredTimePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
      )
    case 'incident':
      return (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('cases.field.kind')}>
              <Select allowClear options={enumOptions(t, 'kind')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="location" label={t('cases.field.location')}>
              <Input maxLength={200} placeholder={t('cases.intake.locationPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
      )
    case 'inquiry':
      return (
        <>
          <Form.Item
            name="answeredNow"
            label={t('cases.intake.answeredNow')}
            valuePropName="checked"
            extra={t('cases.intake.answeredNowHint')}
          >
            <Switch />
          </Form.Item>
          {answeredNow && (
            <Form.Item
              name="answer"
              label={t('cases.field.answer')}
              rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
            >
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={4000}
                onKeyDown={onSubmitKey}
              />
            </Form.Item>
          )}
        </>
      )
    case 'liaison':
      return (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="department"
              label={t('cases.intake.receiver')}
              rules={[{ required: true, message: t('errors.field.required') }]}
            >
              <Select
                options={DEPARTMENTS.map((d) => ({ value: d, label: t(`department.${d}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="dueAt" label={t('cases.field.dueAt')}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              />
            </Form.Item>
          </Col>
        </Row>
      )
    case 'fit_out':
      return <FitOutFields />
    default:
      return <MoveTypeFields type={type} />
  }
}
