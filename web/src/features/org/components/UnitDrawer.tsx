import { DeleteOutlined, EditOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  List,
  Popconfirm,
  Skeleton,
  Space,
  Tag,
} from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../../ui/errors'
import { type Unit, useDeleteUnit, useUnit } from '../api'
import { STATUS_COLOR } from '../labels'
import { UnitKindIcon } from './UnitKindIcon'

type Props = {
  unitId: string | undefined
  canManage: boolean
  onClose: () => void
  onEdit: (unit: Unit) => void
}

export function UnitDrawer({ unitId, canManage, onClose, onEdit }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const unit = useUnit(unitId)
  const remove = useDeleteUnit()
  const data = unit.data

  // Only a unit that never had an occupant can go; the server says so otherwise.
  const onDelete = (id: string) =>
    remove.mutate(id, {
      onSuccess: () => {
        void message.success(t('units.unitDeleted'))
        onClose()
      },
      onError: (error) => void message.error(errorMessage(t, error)),
    })

  return (
    <Drawer
      open={Boolean(unitId)}
      onClose={onClose}
      title={data ? t('unit.title', { number: data.number }) : t('unit.loading')}
      size={440}
      extra={
        canManage &&
        data && (
          <Space>
            <Popconfirm
              title={t('units.deleteUnitConfirm', { number: data.number })}
              onConfirm={() => onDelete(data.id)}
            >
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
            <Button icon={<EditOutlined />} onClick={() => onEdit(data)}>
              {t('common.edit')}
            </Button>
          </Space>
        )
      }
    >
      {unit.isPending && <Skeleton active />}
      {unit.isError && <Alert type="error" title={errorMessage(t, unit.error)} />}
      {data && (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('unit.number')}>{data.number}</Descriptions.Item>
            <Descriptions.Item label={t('unit.floor')}>{data.floorLabel}</Descriptions.Item>
            <Descriptions.Item label={t('unit.kind')}>
              <UnitKindIcon kind={data.kind} /> {t(`unitKind.${data.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('unit.area')}>{data.areaM2} m²</Descriptions.Item>
            <Descriptions.Item label={t('unit.status')}>
              <Tag color={STATUS_COLOR[data.status]}>{t(`unitStatus.${data.status}`)}</Tag>
            </Descriptions.Item>
          </Descriptions>
          <h4 style={{ marginTop: 24 }}>{t('unit.occupants')}</h4>
          {data.occupants.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('unit.noOccupants')} />
          ) : (
            <List
              size="small"
              bordered
              dataSource={data.occupants}
              renderItem={(o) => (
                <List.Item key={o.occupancyId}>
                  <Link to={`/customers/${o.customerId}`}>{o.customerName}</Link>
                  <Tag color={o.role === 'owner' ? 'gold' : 'cyan'}>
                    {t(`occupantRole.${o.role}`)}
                  </Tag>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Drawer>
  )
}
