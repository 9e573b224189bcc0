import {
  ClockCircleOutlined,
  FileImageOutlined,
  IdcardOutlined,
  ToolOutlined,
  WalletOutlined,
} from '@ant-design/icons'
import { Card, Flex, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { CaseFlags } from '../../cases/components/CaseTags'
import type { FitOutCard } from '../api'

/** Days in one stage from which a fit-out counts as stuck and is shown in red. */
export const STUCK_DAYS = 7

/** One fit-out on the board: where, who, the works dates and what holds it. */
export function FitOutBoardCard({ item }: { item: FitOutCard }) {
  const { t } = useTranslation()
  const stuck = item.daysInStage >= STUCK_DAYS
  return (
    <Link to={`/cases/${item.id}`} className="fitout-card-link">
      <Card
        size="small"
        className={`fitout-card${stuck ? ' fitout-card-stuck' : ''}${item.state === 'stopped' ? ' fitout-card-stopped' : ''}`}
      >
        <Flex vertical gap={4}>
          <Flex justify="space-between" align="baseline" gap={8}>
            <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
              {item.unitNumber ?? '—'}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.number}
            </Typography.Text>
          </Flex>
          <Typography.Text ellipsis={{ tooltip: item.customerName }}>
            {item.customerName ?? '—'}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: item.contractor }}>
            <ToolOutlined /> {item.contractor ?? '—'}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('fitOut.board.dates', { from: item.startDate ?? '—', to: item.endDate ?? '—' })}
          </Typography.Text>
          <Flex gap={4} wrap>
            <Tag
              color={stuck ? 'red' : undefined}
              variant={stuck ? 'solid' : 'filled'}
              icon={<ClockCircleOutlined />}
            >
              {t('fitOut.board.daysInStage', { count: item.daysInStage })}
            </Tag>
            {item.rounds > 0 && (
              <Tag icon={<FileImageOutlined />}>{t('fitOut.board.rounds', { n: item.rounds })}</Tag>
            )}
            {item.openRectifications > 0 && (
              <Tag color="orange">
                {t('fitOut.board.openRectifications', { count: item.openRectifications })}
              </Tag>
            )}
            {item.livePasses > 0 && (
              <Tag color="green" icon={<IdcardOutlined />}>
                {t('fitOut.board.livePasses', { count: item.livePasses })}
              </Tag>
            )}
            {item.refundDueOn && (
              <Tag color="purple" icon={<WalletOutlined />}>
                {t('fitOut.board.refundDue', { date: item.refundDueOn })}
              </Tag>
            )}
            <CaseFlags item={{ overdue: item.overdue, escalationLevel: 0, paused: false }} />
          </Flex>
        </Flex>
      </Card>
    </Link>
  )
}
