// A list of objects in an action's input (materials used, goods released, damage found): one row
// per item. Rows of plain text and numbers sit on one line; rows with choices (a damage line's
// resolution, deposit and photo) get a small form of their own.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Col, Flex, Form, Input, InputNumber, Row, Space, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { type Context, control, fieldKind, type JsonSchema, rulesFor } from './SchemaFields'

type Props = { name: string; field: JsonSchema; label: string; context: Context }

const itemLabel = (t: TFunction, list: string, col: string) =>
  t(`cases.item.${list}.${col}`, { defaultValue: col })

/** One damage-like row: each column labelled; the deposit only when the damage is paid from one. */
function RichRow({
  list,
  row,
  item,
  context,
  onRemove,
}: {
  list: string
  row: number
  item: JsonSchema
  context: Context
  onRemove: () => void
}) {
  const { t } = useTranslation()
  const resolution = Form.useWatch<string | undefined>([list, row, 'resolution'])
  const required = new Set(item.required ?? [])
  const columns = Object.entries(item.properties ?? {}).filter(
    ([col]) => col !== 'depositId' || resolution === 'deposit',
  )
  return (
    <Card
      size="small"
      className="schema-list-row"
      title={`${t('cases.form.row', { n: row + 1 })}`}
      extra={
        <Button
          type="text"
          size="small"
          icon={<MinusCircleOutlined />}
          aria-label={t('cases.form.removeRow')}
          onClick={onRemove}
        />
      }
    >
      <Row gutter={12}>
        {columns.map(([col, colSchema]) => {
          const kind = fieldKind(col, colSchema)
          const isRequired = required.has(col) || (col === 'depositId' && resolution === 'deposit')
          return (
            <Col key={col} xs={24} sm={kind === 'enum' || kind === 'photo' ? 24 : 12}>
              <Form.Item
                name={[row, col]}
                label={itemLabel(t, list, col)}
                rules={rulesFor(t, kind, colSchema, isRequired)}
              >
                {control(t, col, kind, colSchema, context)}
              </Form.Item>
            </Col>
          )
        })}
      </Row>
    </Card>
  )
}

export function ListField({ name, field, label, context }: Props) {
  const { t } = useTranslation()
  const item = field.items ?? {}
  const columns = Object.entries(item.properties ?? {})
  const rich = columns.some(([col, s]) => !['text', 'number'].includes(fieldKind(col, s)))
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row) =>
              rich ? (
                <RichRow
                  key={row.key}
                  list={name}
                  row={row.name}
                  item={item}
                  context={context}
                  onRemove={() => remove(row.name)}
                />
              ) : (
                <Space key={row.key} align="baseline" wrap>
                  {columns.map(([col, colSchema]) => (
                    <Form.Item
                      key={col}
                      name={[row.name, col]}
                      rules={
                        item.required?.includes(col)
                          ? [{ required: true, message: t('errors.field.required') }]
                          : []
                      }
                    >
                      {colSchema.type === 'number' || colSchema.type === 'integer' ? (
                        <InputNumber
                          placeholder={itemLabel(t, name, col)}
                          aria-label={itemLabel(t, name, col)}
                          min={colSchema.minimum ?? 0}
                        />
                      ) : (
                        <Input
                          placeholder={itemLabel(t, name, col)}
                          aria-label={itemLabel(t, name, col)}
                          maxLength={colSchema.maxLength}
                          style={{ width: col === 'name' ? 200 : 90 }}
                        />
                      )}
                    </Form.Item>
                  ))}
                  <MinusCircleOutlined
                    aria-label={t('cases.form.removeRow')}
                    onClick={() => remove(row.name)}
                  />
                </Space>
              ),
            )}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('cases.form.addRow')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  )
}

type LinesProps = {
  name: string | (string | number)[]
  label: string
  /** How many lines at least (a rejection lists one change or more). */
  min: number
  minLength?: number
  maxLength?: number
  placeholder?: string
}

/** A list of short texts (the changes a rejection asks for, a notice's items): one line each. */
export function LinesField({ name, label, min, minLength, maxLength, placeholder }: LinesProps) {
  const { t } = useTranslation()
  return (
    <Form.List
      name={name}
      rules={[
        {
          validator: (_, rows?: (string | undefined)[]) =>
            (rows ?? []).filter((r) => r?.trim()).length >= min
              ? Promise.resolve()
              : Promise.reject(new Error(t('cases.form.linesRequired', { count: min }))),
        },
      ]}
    >
      {(rows, { add, remove }, { errors }) => (
        <Form.Item label={label} required={min > 0}>
          {rows.map((row, k) => (
            <Flex key={row.key} gap={8} align="baseline">
              <Typography.Text type="secondary">{k + 1}.</Typography.Text>
              <Form.Item
                name={row.name}
                style={{ flex: 1, marginBottom: 8 }}
                rules={
                  minLength && minLength > 1
                    ? [
                        {
                          min: minLength,
                          whitespace: true,
                          message: t('cases.form.minLength', { count: minLength }),
                        },
                      ]
                    : []
                }
              >
                <Input
                  maxLength={maxLength}
                  placeholder={placeholder}
                  aria-label={`${label} ${k + 1}`}
                />
              </Form.Item>
              <MinusCircleOutlined
                aria-label={t('cases.form.removeRow')}
                onClick={() => remove(row.name)}
              />
            </Flex>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add('')}>
            {t('cases.form.addLine')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  )
}
