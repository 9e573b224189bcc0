import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, Flex, Select, Skeleton, Space, Tag } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUrlParams } from '../../ui/useUrlParams'
import { useCan } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { PageHeader } from '../../ui/PageHeader'
import { SearchInput } from '../../ui/SearchInput'
import {
  type Floor,
  type Unit,
  type UnitFilters,
  type UnitKind,
  type UnitStatus,
  UNIT_KINDS,
  UNIT_STATUSES,
  useFloors,
  useUnits,
} from './api'
import { FloorFormModal } from './components/FloorFormModal'
import { FloorRow } from './components/FloorRow'
import { UnitDrawer } from './components/UnitDrawer'
import { UnitFormModal } from './components/UnitFormModal'
import { STATUS_COLOR } from './labels'

const byNumber = (a: Unit, b: Unit) =>
  a.number.localeCompare(b.number, undefined, { numeric: true })

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value)
}

export function UnitsPage() {
  const { t } = useTranslation()
  const can = useCan()
  const canManage = can('unit.manage')
  const { propertyId, property } = useCurrentProperty()
  const [params, setParam, setParams] = useUrlParams()
  const [floorModal, setFloorModal] = useState<{ floor: Floor | null } | null>(null)
  const [unitModal, setUnitModal] = useState<{ unit: Unit } | { floor: Floor | undefined } | null>(
    null,
  )

  const filters: UnitFilters = {
    floorId: params.get('floor') ?? undefined,
    status: pick<UnitStatus>(params.get('status'), UNIT_STATUSES),
    kind: pick<UnitKind>(params.get('kind'), UNIT_KINDS),
    q: params.get('q') ?? undefined,
  }
  const filtered = Boolean(filters.floorId || filters.status || filters.kind || filters.q)
  const openUnitId = params.get('unit') ?? undefined

  // Floors and units belong to one building: a switch of building drops them.
  const shownProperty = useRef(propertyId)
  useEffect(() => {
    if (shownProperty.current === propertyId) return
    shownProperty.current = propertyId
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        next.delete('floor')
        next.delete('unit')
        return next
      },
      { replace: true },
    )
  }, [propertyId, setParams])

  const floors = useFloors(propertyId)
  const units = useUnits(propertyId, filters)
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = units

  // The grouped view needs the whole building: fetch the remaining pages.
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])

  const byFloor = new Map<string, Unit[]>()
  for (const unit of units.data?.pages.flatMap((p) => p.items) ?? []) {
    const list = byFloor.get(unit.floorId) ?? []
    list.push(unit)
    byFloor.set(unit.floorId, list)
  }
  // Top floor first, as the building stands.
  const groups = [...(floors.data ?? [])]
    .sort((a, b) => b.level - a.level)
    .filter((floor) => (filters.floorId ? floor.id === filters.floorId : true))
    .map((floor) => ({ floor, units: (byFloor.get(floor.id) ?? []).sort(byNumber) }))
    .filter((group) => !filtered || group.units.length > 0)

  if (!propertyId) return <Empty description={t('property.none')} />

  const total = groups.reduce((sum, g) => sum + g.units.length, 0)
  const error = floors.error ?? units.error

  return (
    <>
      <PageHeader
        title={t('units.title')}
        extra={
          canManage && (
            <>
              <Button icon={<PlusOutlined />} onClick={() => setFloorModal({ floor: null })}>
                {t('units.newFloor')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() =>
                  setUnitModal({ floor: floors.data?.find((f) => f.id === filters.floorId) })
                }
              >
                {t('units.newUnit')}
              </Button>
            </>
          )
        }
      />
      <Card
        title={property?.name}
        extra={
          <Space size={4}>
            {UNIT_STATUSES.map((s) => (
              <Tag key={s} color={STATUS_COLOR[s]}>
                {t(`unitStatus.${s}`)}
              </Tag>
            ))}
          </Space>
        }
        styles={{ body: { padding: 0 } }}
      >
        <Flex wrap gap={8} style={{ padding: 16 }}>
          <SearchInput
            label={t('units.search')}
            placeholder={t('unit.number')}
            value={filters.q ?? ''}
            onChange={(q) => setParam('q', q)}
            width={200}
          />
          <Select
            aria-label={t('unit.floor')}
            placeholder={t('units.allFloors')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 160 }}
            value={filters.floorId}
            onChange={(v?: string) => setParam('floor', v)}
            options={[...(floors.data ?? [])]
              .sort((a, b) => a.level - b.level)
              .map((f) => ({ value: f.id, label: f.label }))}
          />
          <Select
            aria-label={t('unit.status')}
            placeholder={t('units.allStatuses')}
            allowClear
            style={{ width: 140 }}
            value={filters.status}
            onChange={(v?: string) => setParam('status', v)}
            options={UNIT_STATUSES.map((s) => ({ value: s, label: t(`unitStatus.${s}`) }))}
          />
          <Select
            aria-label={t('unit.kind')}
            placeholder={t('units.allKinds')}
            allowClear
            style={{ width: 140 }}
            value={filters.kind}
            onChange={(v?: string) => setParam('kind', v)}
            options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
          />
          <Flex align="center" style={{ marginInlineStart: 'auto', color: 'rgba(0,0,0,0.45)' }}>
            {units.data && t('units.count', { count: total })}
          </Flex>
        </Flex>
        {error && <Alert type="error" title={errorMessage(t, error)} style={{ margin: 16 }} />}
        {(floors.isPending || units.isPending) && !error && (
          <Skeleton active style={{ padding: 16 }} />
        )}
        {floors.data && units.data && groups.length === 0 && (
          <Empty
            style={{ padding: 32 }}
            description={t(filtered ? 'units.empty' : 'units.noFloors')}
          />
        )}
        {groups.map(({ floor, units: list }) => (
          <FloorRow
            key={floor.id}
            floor={floor}
            units={list}
            canManage={canManage}
            onOpenUnit={(unit) => setParam('unit', unit.id, { push: true })}
            onEditFloor={(f) => setFloorModal({ floor: f })}
            onAddUnit={(f) => setUnitModal({ floor: f })}
          />
        ))}
      </Card>
      <UnitDrawer
        unitId={openUnitId}
        canManage={canManage}
        onClose={() => setParam('unit', undefined, { push: true })}
        onEdit={(unit) => setUnitModal({ unit })}
      />
      {floorModal && (
        <FloorFormModal
          propertyId={propertyId}
          floor={floorModal.floor}
          open
          onClose={() => setFloorModal(null)}
        />
      )}
      {unitModal && (
        <UnitFormModal
          floors={floors.data ?? []}
          target={unitModal}
          onClose={() => setUnitModal(null)}
        />
      )}
    </>
  )
}
