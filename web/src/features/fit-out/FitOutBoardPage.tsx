import { PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useCan } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { PageHeader } from '../../ui/PageHeader'
import { stateLabel } from '../cases/labels'
import { type FitOutCard, useFitOutBoard } from './api'
import { FitOutBoardCard, STUCK_DAYS } from './components/FitOutBoardCard'
import './fit-out.css'

// The lanes in the workflow's order (fit-out.workflow.ts); closed and cancelled fit-outs are not
// on the board. A stage the server adds later still shows, in a lane after these.
const BOARD_STAGES = [
  'applied',
  'agreement_signed',
  'fees_paid',
  'in_review',
  'returned',
  'approved',
  'roster_submitted',
  'in_works',
  'stopped',
  'acceptance_applied',
  'inspecting',
  'rectifying',
  'accepted',
  'refunded',
]

/** 装修看板: every open fit-out of the building by stage, the stuck ones in red. */
export function FitOutBoardPage() {
  const { t } = useTranslation()
  const can = useCan()
  const navigate = useNavigate()
  const { propertyId } = useCurrentProperty()
  const [params, setParams] = useSearchParams()
  const board = useFitOutBoard(propertyId)
  const items = board.data ?? []
  const stage = params.get('stage')

  if (!propertyId) return <Empty description={t('property.none')} />

  const stages = [
    ...BOARD_STAGES,
    ...new Set(items.map((i) => i.state).filter((s) => !BOARD_STAGES.includes(s))),
  ]
  const byStage = new Map<string, FitOutCard[]>(stages.map((s) => [s, []]))
  for (const item of items) byStage.get(item.state)?.push(item)
  const lanes = stage ? [stage] : stages.filter((s) => (byStage.get(s)?.length ?? 0) > 0)
  const stuck = items.filter((i) => i.daysInStage >= STUCK_DAYS).length
  const label = (s: string) => stateLabel(t, 'fit_out', s)

  const choose = (next: string | null) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev)
        if (next) p.set('stage', next)
        else p.delete('stage')
        return p
      },
      { replace: true },
    )

  return (
    <>
      <PageHeader
        title={t('fitOut.board.title')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              loading={board.isFetching}
              onClick={() => void board.refetch()}
            >
              {t('fitOut.board.refresh')}
            </Button>
            {can('case.create') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => void navigate('/cases/new?type=fit_out')}
              >
                {t('fitOut.board.new')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          <Flex
            className="fitout-stages"
            gap={6}
            wrap
            role="group"
            aria-label={t('fitOut.board.stageFilter')}
          >
            <Tag.CheckableTag checked={!stage} onChange={() => choose(null)}>
              {t('fitOut.board.all')} {items.length}
            </Tag.CheckableTag>
            {stages.map((s) => (
              <Tag.CheckableTag
                key={s}
                className={byStage.get(s)?.length ? undefined : 'fitout-stage-empty'}
                checked={stage === s}
                onChange={(checked) => choose(checked ? s : null)}
              >
                {label(s)} {byStage.get(s)?.length ?? 0}
              </Tag.CheckableTag>
            ))}
          </Flex>
          <Typography.Text type="secondary">
            {t('fitOut.board.summary', { count: items.length, stuck, days: STUCK_DAYS })}
          </Typography.Text>
        </Flex>
        {board.isError && (
          <Alert type="error" title={errorMessage(t, board.error)} style={{ marginBottom: 16 }} />
        )}
        {board.isPending ? (
          <Skeleton active />
        ) : lanes.length === 0 || (stage && !byStage.get(stage)?.length) ? (
          <Empty
            description={stage ? t('fitOut.board.noneInStage') : t('fitOut.board.none')}
            image={Empty.PRESENTED_IMAGE_SIMPLE}
          />
        ) : (
          lanes.map((s) => (
            <section key={s} className="fitout-lane" aria-label={label(s)}>
              <header>
                <Typography.Text strong>{label(s)}</Typography.Text>
                <Tag>{byStage.get(s)?.length ?? 0}</Tag>
              </header>
              <div className="fitout-lane-cards">
                {(byStage.get(s) ?? []).map((item) => (
                  <FitOutBoardCard key={item.id} item={item} />
                ))}
              </div>
            </section>
          ))
        )}
      </Card>
    </>
  )
}
