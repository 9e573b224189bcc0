import { BankOutlined } from '@ant-design/icons'
import { Flex, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCurrentProperty } from '../property/property-context'

export function PropertySwitcher() {
  const { t } = useTranslation()
  const { properties, propertyId, setPropertyId } = useCurrentProperty()
  if (properties.length === 0) {
    return <Typography.Text type="secondary">{t('property.none')}</Typography.Text>
  }
  return (
    <Flex align="center" gap={8}>
      <BankOutlined aria-hidden />
      <Select
        aria-label={t('property.switch')}
        value={propertyId}
        onChange={setPropertyId}
        style={{ minWidth: 180 }}
        showSearch={{ optionFilterProp: 'label' }}
        options={properties.map((p) => ({ value: p.id, label: p.name }))}
      />
    </Flex>
  )
}
