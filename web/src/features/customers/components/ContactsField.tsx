import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Checkbox, Flex, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'

/** Contacts of a customer as a repeatable row of name, phone, title, primary. */
type Props = { maskedPhones?: (string | null)[]; disabled?: boolean }

export function ContactsField({ maskedPhones, disabled = false }: Props) {
  const { t } = useTranslation()
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start" wrap>
              <Form.Item
                name={[field.name, 'name']}
                rules={[{ required: true, whitespace: true, message: t('contact.nameRequired') }]}
                style={{ marginBottom: 0, flex: '1 1 120px' }}
              >
                <Input
                  aria-label={t('contact.name')}
                  placeholder={t('contact.name')}
                  disabled={disabled}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'phone']}
                style={{ marginBottom: 0, flex: '1 1 140px' }}
              >
                <Input
                  aria-label={t('contact.phone')}
                  placeholder={maskedPhones?.[index] ?? t('contact.phone')}
                  disabled={disabled}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'title']}
                style={{ marginBottom: 0, flex: '1 1 100px' }}
              >
                <Input
                  aria-label={t('contact.title')}
                  placeholder={t('contact.title')}
                  disabled={disabled}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'isPrimary']}
                valuePropName="checked"
                style={{ marginBottom: 0 }}
              >
                <Checkbox disabled={disabled}>{t('contact.primary')}</Checkbox>
              </Form.Item>
              <Button
                type="text"
                danger
                disabled={disabled}
                icon={<DeleteOutlined />}
                aria-label={t('contact.remove')}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          {!disabled && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ isPrimary: fields.length === 0 })}
            >
              {t('contact.add')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  )
}
