import { DeleteOutlined } from '@ant-design/icons'
import { Button, Card, Form, Input, Radio, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { DEPARTMENTS } from '../../cases/api'
import { PhotoField } from './PhotoField'

export const SEVERITIES = ['minor', 'violation', 'serious'] as const

/** One finding of a patrol: what, where, how bad, whose head hears of it, and a photo. */
export function FindingFields({
  caseId,
  name,
  index,
  onRemove,
  onBusy,
}: {
  caseId: string
  name: number
  index: number
  onRemove: () => void
  onBusy: (busy: boolean) => void
}) {
  const { t } = useTranslation()
  const required = { required: true, whitespace: true, message: t('errors.field.required') }
  return (
    <Card
      size="small"
      className="patrol-finding"
      title={t('fitOut.patrol.finding', { n: index + 1 })}
      extra={
        <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove}>
          {t('fitOut.patrol.removeFinding')}
        </Button>
      }
    >
      <Form.Item
        name={[name, 'description']}
        label={t('fitOut.patrol.description')}
        rules={[required, { min: 2, message: t('cases.form.minLength', { count: 2 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
      </Form.Item>
      <Form.Item name={[name, 'location']} label={t('fitOut.patrol.location')} rules={[required]}>
        <Input maxLength={100} placeholder={t('fitOut.patrol.locationHint')} />
      </Form.Item>
      <Form.Item name={[name, 'severity']} label={t('fitOut.patrol.severityLabel')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          block
          options={SEVERITIES.map((s) => ({ value: s, label: t(`fitOut.patrol.severity.${s}`) }))}
        />
      </Form.Item>
      <Form.Item
        name={[name, 'department']}
        label={t('fitOut.patrol.department')}
        rules={[{ required: true, message: t('errors.field.required') }]}
      >
        <Select
          placeholder={t('fitOut.patrol.departmentHint')}
          options={DEPARTMENTS.map((d) => ({ value: d, label: t(`department.${d}`) }))}
        />
      </Form.Item>
      <Form.Item
        name={[name, 'photoId']}
        label={t('fitOut.patrol.photo')}
        style={{ marginBottom: 0 }}
      >
        <PhotoField caseId={caseId} onBusy={onBusy} />
      </Form.Item>
    </Card>
  )
}
