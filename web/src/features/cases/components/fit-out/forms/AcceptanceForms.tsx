// H-FO-12…14: customer service calls the department heads to the acceptance inspection
// (engineering always); each head passes or fails with the rectification list, lists the damage
// (repaired by the customer, or priced in yuan and taken from the deposit) and signs.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Row,
  Typography,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useCurrentUser } from '../../../../../app/auth/me-context'
import { parseYuan } from '../../../../../ui/money'
import { enumLabel } from '../../../labels'
import type { ActionForm, ActionFormProps } from '../../action-forms'
import { LinesField } from '../../SchemaListField'
import { SignaturePad } from '../../SignaturePad'
import { enumOptions } from '../../TypeFields'
import { useLiveFiles } from '../CaseFiles'
import { fitOutData } from '../fit-out-data'
import { PhotoField } from '../PhotoField'
import { dayText, defined, linesOf, textOf } from './form-values'

function CallInspectionFields({ schema }: ActionFormProps) {
  const { t } = useTranslation()
  // The departments whose heads inspect, as the step's input lists them (finance does not).
  const departments = (schema.properties?.departments?.items?.enum ?? []).map(String)
  return (
    <>
      <Form.Item
        name="departments"
        label={t('cases.field.departments')}
        extra={t('cases.fitOut.acceptance.engineeringAlways')}
        rules={[
          {
            validator: (_, value?: string[]) =>
              value?.includes('engineering')
                ? Promise.resolve()
                : Promise.reject(new Error(t('errors.fit_out.engineering_inspects'))),
          },
        ]}
      >
        <Checkbox.Group
          options={departments.map((d) => ({ value: d, label: t(`department.${d}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="inspectOn"
        label={t('cases.field.inspectOn')}
        rules={[{ required: true, message: t('errors.field.required') }]}
      >
        <DatePicker disabledDate={(d: Dayjs) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </>
  )
}

export const callInspectionForm: ActionForm = {
  Fields: CallInspectionFields,
  initialValues: () => ({
    departments: ['engineering', 'security', 'customer_service'],
    inspectOn: dayjs().add(1, 'day'),
  }),
  toInput: (v) => ({ departments: v.departments, inspectOn: dayText(v.inspectOn) }),
}

type DamageRow = {
  item?: string
  location?: string
  cost?: string
  resolution?: 'customer_repairs' | 'deposit'
  photoId?: string
}

/** The department a caller inspects for: a head's own; customer service's supervisor's. */
function useInspectingFor(): string | null {
  const me = useCurrentUser()
  if (!me.department) return null
  if (me.role.code === 'department_head') return me.department
  return me.role.code === 'supervisor' && me.department === 'customer_service'
    ? me.department
    : null
}

function DamageRows({ caseId, files }: { caseId: string; files: ReturnType<typeof useLiveFiles> }) {
  const { t } = useTranslation()
  const required = { required: true, whitespace: true, message: t('errors.field.required') }
  return (
    <Form.List name="damages">
      {(rows, { add, remove }) => (
        <Form.Item label={t('cases.field.damages')}>
          {rows.map((row) => (
            <Card
              key={row.key}
              size="small"
              className="schema-list-row"
              title={t('cases.form.row', { n: row.name + 1 })}
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
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={[row.name, 'location']}
                    label={t('cases.item.damages.location')}
                    rules={[required]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={[row.name, 'item']}
                    label={t('cases.item.damages.item')}
                    rules={[required]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={[row.name, 'resolution']}
                    label={t('cases.item.damages.resolution')}
                    rules={[{ required: true, message: t('errors.field.required') }]}
                  >
                    <Radio.Group
                      optionType="button"
                      buttonStyle="solid"
                      options={['customer_repairs', 'deposit'].map((r) => ({
                        value: r,
                        label: enumLabel(t, 'resolution', r),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={[row.name, 'cost']}
                    label={t('cases.item.damages.cost')}
                    dependencies={[['damages', row.name, 'resolution']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        // Damage taken from the deposit is priced; what the customer repairs
                        // may be priced for the record.
                        validator: (_, value?: string) => {
                          const how = getFieldValue(['damages', row.name, 'resolution']) as string
                          if (!value?.trim())
                            return how === 'deposit'
                              ? Promise.reject(new Error(t('cases.fitOut.acceptance.priceIt')))
                              : Promise.resolve()
                          return parseYuan(value) !== null
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('cases.form.amountInvalid')))
                        },
                      }),
                    ]}
                  >
                    <Input prefix="¥" inputMode="decimal" placeholder="0.00" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name={[row.name, 'photoId']} label={t('cases.item.damages.photoId')}>
                <PhotoField caseId={caseId} files={files} />
              </Form.Item>
            </Card>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ resolution: 'customer_repairs' })}
          >
            {t('cases.fitOut.acceptance.addDamage')}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  )
}

function InspectFields({ detail }: ActionFormProps) {
  const { t } = useTranslation()
  const files = useLiveFiles(detail.id, detail.attachments)
  const inspectingFor = useInspectingFor()
  const result = Form.useWatch<string | undefined>('result')
  const round = fitOutData(detail).acceptance?.at(-1)
  const done = Object.keys(round?.results ?? {})
  return (
    <>
      {round && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('cases.fitOut.acceptance.youInspect', {
            n: round.n,
            date: round.inspectOn,
            department: inspectingFor ? t(`department.${inspectingFor}`) : '—',
          })}
          description={t('cases.fitOut.acceptance.signedSoFar', {
            done: done.length,
            total: round.departments.length,
          })}
        />
      )}
      <Form.Item
        name="result"
        label={t('cases.typeField.fit_out.result')}
        rules={[{ required: true, message: t('errors.field.required') }]}
      >
        <Radio.Group optionType="button" buttonStyle="solid" options={enumOptions(t, 'result')} />
      </Form.Item>
      {result === 'fail' && (
        <LinesField
          name="rectifications"
          label={t('cases.field.rectifications')}
          min={1}
          minLength={2}
          maxLength={500}
        />
      )}
      <DamageRows caseId={detail.id} files={files} />
      <Form.Item name="note" label={t('cases.field.note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      <Typography.Text type="secondary">{t('cases.fitOut.acceptance.signHint')}</Typography.Text>
      <Form.Item name="signerName" label={t('cases.field.signerName')}>
        <Input maxLength={100} style={{ maxWidth: 240 }} />
      </Form.Item>
      <Form.Item name="signature" label={t('cases.field.signature')}>
        <SignaturePad />
      </Form.Item>
    </>
  )
}

export const inspectForm: ActionForm = {
  Fields: InspectFields,
  initialValues: () => ({ damages: [], rectifications: [''] }),
  toInput: (v) => {
    const damages = ((v.damages ?? []) as DamageRow[]).map((d) =>
      defined({
        item: d.item?.trim(),
        location: d.location?.trim(),
        // Yuan typed, integer fen sent; an unpriced repair by the customer is 0.
        cost: parseYuan(d.cost) ?? 0,
        resolution: d.resolution,
        photoId: d.photoId,
      }),
    )
    return defined({
      result: v.result,
      rectifications: v.result === 'fail' ? linesOf(v.rectifications) : undefined,
      damages: damages.length ? damages : undefined,
      note: textOf(v.note),
      signerName: textOf(v.signerName),
      signature: typeof v.signature === 'string' ? v.signature : undefined,
    })
  },
  width: 760,
}
