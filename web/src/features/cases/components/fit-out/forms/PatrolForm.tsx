// H-FO-10: a patrol of the works — what was found, where, how serious, whose department hears of
// it, a photo — and to whom at the customer it was explained (required once anything was found).
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Col, Form, Input, Radio, Row, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ActionForm, ActionFormProps } from '../../action-forms'
import { enumOptions } from '../../TypeFields'
import { useLiveFiles } from '../CaseFiles'
import { PhotoField } from '../PhotoField'
import { defined, textOf } from './form-values'

type FindingRow = {
  description?: string
  location?: string
  severity?: string
  department?: string
  photoId?: string
}

function PatrolFields({ detail, schema }: ActionFormProps) {
  const { t } = useTranslation()
  // The departments a finding may be sent to, as the step's input lists them.
  const departments = (schema.properties?.findings?.items?.properties?.department?.enum ?? []).map(
    String,
  )
  const files = useLiveFiles(detail.id, detail.attachments)
  const required = { required: true, message: t('errors.field.required') }
  const typed = { ...required, whitespace: true }
  return (
    <>
      <Form.Item name="area" label={t('cases.field.area')}>
        <Input maxLength={100} placeholder={t('cases.fitOut.patrol.areaPlaceholder')} />
      </Form.Item>
      <Form.List name="findings">
        {(rows, { add, remove }) => (
          <Form.Item label={t('cases.field.findings')}>
            {rows.length === 0 && (
              <Typography.Paragraph type="secondary">
                {t('cases.fitOut.patrol.nothingFound')}
              </Typography.Paragraph>
            )}
            {rows.map((row) => (
              <Card
                key={row.key}
                size="small"
                className="schema-list-row"
                title={t('cases.fitOut.patrol.finding', { n: row.name + 1 })}
                extra={
                  <Button
                    type="text"
                    size="small"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('cases.form.removeRow')}
                    onClick={() => remove(row.name)}
                  />
                }
              >
                <Form.Item
                  name={[row.name, 'description']}
                  label={t('cases.item.findings.description')}
                  rules={[typed, { min: 2, message: t('cases.form.minLength', { count: 2 }) }]}
                >
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name={[row.name, 'location']}
                      label={t('cases.item.findings.location')}
                      rules={[typed]}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name={[row.name, 'department']}
                      label={t('cases.item.findings.department')}
                      rules={[required]}
                      extra={t('cases.fitOut.patrol.departmentHint')}
                    >
                      <Select
                        options={departments.map((d) => ({
                          value: d,
                          label: t(`department.${d}`),
                        }))}
                      />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item
                  name={[row.name, 'severity']}
                  label={t('cases.item.findings.severity')}
                  rules={[required]}
                >
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    options={enumOptions(t, 'severity')}
                  />
                </Form.Item>
                <Form.Item name={[row.name, 'photoId']} label={t('cases.item.findings.photoId')}>
                  <PhotoField caseId={detail.id} files={files} />
                </Form.Item>
              </Card>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ severity: 'minor' })}
            >
              {t('cases.fitOut.patrol.addFinding')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item
        name="explainedTo"
        label={t('cases.field.explainedTo')}
        dependencies={['findings']}
        extra={t('cases.fitOut.patrol.explainedHint')}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, who?: string) =>
              ((getFieldValue('findings') ?? []) as unknown[]).length > 0 && !who?.trim()
                ? Promise.reject(new Error(t('errors.fit_out.finding_not_explained')))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input maxLength={100} placeholder={t('cases.fitOut.patrol.explainedPlaceholder')} />
      </Form.Item>
      <Form.Item name="note" label={t('cases.field.note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
    </>
  )
}

export const patrolForm: ActionForm = {
  Fields: PatrolFields,
  initialValues: () => ({ findings: [] }),
  toInput: (v) => {
    const findings = ((v.findings ?? []) as FindingRow[]).map((f) =>
      defined({
        description: f.description?.trim(),
        location: f.location?.trim(),
        severity: f.severity,
        department: f.department,
        photoId: f.photoId,
      }),
    )
    return defined({
      area: textOf(v.area),
      findings,
      explainedTo: findings.length > 0 ? textOf(v.explainedTo) : undefined,
      note: textOf(v.note),
    })
  },
  width: 720,
}
