import { Card, Empty, Flex } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCurrentProperty } from '../../app/property/property-context'
import { PageHeader } from '../../ui/PageHeader'
import { CalendarCard } from './components/CalendarCard'
import { PolicyTable } from './components/PolicyTable'

/** 设置 › 时限与工作日历: the company's deadline policies and the current building's calendar. */
export function DeadlineSettingsPage() {
  const { t } = useTranslation()
  const { propertyId, property, timeZone } = useCurrentProperty()

  return (
    <>
      <PageHeader title={t('settings.deadlines.title')} />
      <Flex vertical gap={16}>
        <Card title={t('settings.deadlines.policies')}>
          <PolicyTable />
        </Card>
        {propertyId ? (
          <CalendarCard
            key={propertyId}
            propertyId={propertyId}
            buildingName={property?.name ?? ''}
            timeZone={timeZone}
          />
        ) : (
          <Empty description={t('property.none')} />
        )}
      </Flex>
    </>
  )
}
