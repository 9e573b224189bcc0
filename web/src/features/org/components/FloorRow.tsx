import { EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Flex, Tag, theme, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Floor, Unit } from '../api'
import { STATUS_COLOR } from '../labels'
import { UnitKindIcon } from './UnitKindIcon'

type Props = {
  floor: Floor
  units: Unit[]
  canManage: boolean
  onOpenUnit: (unit: Unit) => void
  onEditFloor: (floor: Floor) => void
  onAddUnit: (floor: Floor) => void
}

/** One floor of the building: its label on the left, its units as tiles. */
export function FloorRow({ floor, units, canManage, onOpenUnit, onEditFloor, onAddUnit }: Props) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  return (
    <section
      aria-label={t('floor.aria', { label: floor.label })}
      style={{
        display: 'flex',
        gap: 16,
        padding: '12px 16px',
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      <Flex vertical gap={2} style={{ width: 150, flex: 'none' }}>
        <Flex gap={8} align="center">
          <Typography.Text strong style={{ fontSize: 16 }}>
            {floor.label}
          </Typography.Text>
          <Tag icon={<UnitKindIcon kind={floor.kind} />} style={{ marginInlineEnd: 0 }}>
            {t(`unitKind.${floor.kind}`)}
          </Tag>
        </Flex>
        <Flex gap={4} align="center">
          <Typography.Text type="secondary">
            {t('units.count', { count: units.length })}
          </Typography.Text>
          {canManage && (
            <>
              <Tooltip title={t('units.editFloor')}>
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('units.editFloorOf', { label: floor.label })}
                  onClick={() => onEditFloor(floor)}
                />
              </Tooltip>
              <Tooltip title={t('units.newUnit')}>
                <Button
                  size="small"
                  type="text"
                  icon={<PlusOutlined />}
                  aria-label={t('units.newUnitOn', { label: floor.label })}
                  onClick={() => onAddUnit(floor)}
                />
              </Tooltip>
            </>
          )}
        </Flex>
      </Flex>
      <Flex wrap gap={8} align="flex-start" style={{ flex: 1 }}>
        {units.map((unit) => (
          <Button
            key={unit.id}
            color={STATUS_COLOR[unit.status]}
            variant="filled"
            icon={<UnitKindIcon kind={unit.kind} />}
            title={`${unit.number} · ${t(`unitStatus.${unit.status}`)} · ${t(`unitKind.${unit.kind}`)}`}
            style={{ minWidth: 88 }}
            onClick={() => onOpenUnit(unit)}
          >
            {unit.number}
          </Button>
        ))}
        {units.length === 0 && (
          <Typography.Text type="secondary">{t('units.floorEmpty')}</Typography.Text>
        )}
      </Flex>
    </section>
  )
}
