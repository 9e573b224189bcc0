import { CloudDownloadOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Divider,
  Flex,
  Popconfirm,
  Select,
  Table,
  Tag,
  Tooltip,
} from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../ui/errors'
import { todayIn } from '../../../ui/format'
import { type CalendarDay, useCalendar, useImportOfficialDays, useRemoveCalendarDay } from '../api'
import { CalendarHoursForm } from './CalendarHoursForm'
import { DayModal } from './DayModal'

type Props = { propertyId: string; buildingName: string; timeZone: string }

/** 工作日历: a building's hours and weekdays, and a year's holidays and make-up days (调休). */
export function CalendarCard({ propertyId, buildingName, timeZone }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const thisYear = Number(todayIn(timeZone).slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const [adding, setAdding] = useState(false)
  const view = useCalendar(propertyId, year)
  const remove = useRemoveCalendarDay()
  const importDays = useImportOfficialDays()
  const data = view.data
  const latest = data?.latestOfficialYear ?? thisYear
  const years = [thisYear - 1, thisYear, thisYear + 1]

  const removeDay = (day: CalendarDay) =>
    remove.mutate(
      { propertyId, date: day.date },
      {
        onSuccess: () => void message.success(t('settings.deadlines.removed')),
        onError: (error) => void message.error(errorMessage(t, error)),
      },
    )
  const importYear = () =>
    importDays.mutate(
      { propertyId, year },
      {
        onSuccess: (result) => void message.success(t('settings.deadlines.imported', result)),
        onError: (error) => void message.error(errorMessage(t, error)),
      },
    )

  return (
    <Card title={t('settings.deadlines.calendar', { building: buildingName })}>
      <Flex vertical gap={16}>
        {view.isError && <Alert type="error" title={errorMessage(t, view.error)} />}
        {data?.warning && (
          <Alert type="warning" showIcon title={t(`settings.deadlines.warning.${data.warning}`)} />
        )}
        {data?.calendar.version === 0 && (
          <Alert type="info" showIcon title={t('settings.deadlines.notStored')} />
        )}
        {data && (
          <CalendarHoursForm
            key={`${propertyId}:${data.calendar.version}`}
            propertyId={propertyId}
            calendar={data.calendar}
          />
        )}
        <Divider titlePlacement="start" style={{ margin: 0 }}>
          {t('settings.deadlines.days')}
        </Divider>
        <Flex gap={8} wrap align="center">
          <Select
            aria-label={t('settings.deadlines.year')}
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('settings.deadlines.addDay')}
          </Button>
          {year > latest ? (
            <Tooltip title={t('settings.deadlines.importUnavailable', { year })}>
              <Button icon={<CloudDownloadOutlined />} disabled>
                {t('settings.deadlines.importOfficial', { year })}
              </Button>
            </Tooltip>
          ) : (
            <Popconfirm
              title={t('settings.deadlines.importConfirm', { year })}
              onConfirm={importYear}
            >
              <Button icon={<CloudDownloadOutlined />} loading={importDays.isPending}>
                {t('settings.deadlines.importOfficial', { year })}
              </Button>
            </Popconfirm>
          )}
        </Flex>
        <Table<CalendarDay>
          rowKey="date"
          size="small"
          pagination={false}
          loading={view.isFetching}
          dataSource={data?.year === year ? data.days : []}
          locale={{ emptyText: t('settings.deadlines.noDays') }}
          columns={[
            { title: t('settings.deadlines.date'), dataIndex: 'date' },
            {
              title: t('settings.deadlines.weekdayColumn'),
              key: 'weekday',
              render: (_, day) => t(`settings.deadlines.weekday.${dayjs(day.date).day() || 7}`),
            },
            {
              title: t('settings.deadlines.kind'),
              dataIndex: 'kind',
              render: (kind: CalendarDay['kind']) => (
                <Tag color={kind === 'holiday' ? 'green' : 'blue'}>
                  {t(`settings.deadlines.kindLabel.${kind}`)}
                </Tag>
              ),
            },
            { title: t('settings.deadlines.name'), dataIndex: 'name' },
            {
              title: t('settings.deadlines.source'),
              dataIndex: 'source',
              render: (source: CalendarDay['source']) =>
                t(`settings.deadlines.sourceLabel.${source}`),
            },
            {
              title: t('common.actions'),
              key: 'remove',
              render: (_, day) => (
                <Popconfirm
                  title={t('settings.deadlines.removeConfirm', { date: day.date })}
                  onConfirm={() => removeDay(day)}
                >
                  <Button size="small" danger icon={<DeleteOutlined />}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Flex>
      {adding && <DayModal propertyId={propertyId} year={year} onClose={() => setAdding(false)} />}
    </Card>
  )
}
