// 图纸审核 (H-FO-4…7): every round of drawings side by side — its files, the customer's note, the
// engineering supervisor's decision, the changes asked for, who decided and when — so that a
// resubmission is read against what was asked of the round before.
import { CheckCircleOutlined, CloseCircleOutlined, SyncOutlined } from '@ant-design/icons'
import { Card, Empty, Flex, Image, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CaseDetail } from '../../api'
import { StepButton } from '../StepButton'
import { FileThumb } from './CaseFiles'
import { type DrawingRound, fitOutData } from './fit-out-data'

function Decision({ round }: { round: DrawingRound }) {
  const { t } = useTranslation()
  if (round.decision === 'approved')
    return (
      <Tag color="green" icon={<CheckCircleOutlined />}>
        {t('cases.fitOut.drawings.approved')}
      </Tag>
    )
  if (round.decision === 'rejected')
    return (
      <Tag color="red" icon={<CloseCircleOutlined />}>
        {t('cases.fitOut.drawings.rejected')}
      </Tag>
    )
  return (
    <Tag color="processing" icon={<SyncOutlined />}>
      {t('cases.fitOut.drawings.inReview')}
    </Tag>
  )
}

function RoundColumn({
  detail,
  round,
  last,
}: {
  detail: CaseDetail
  round: DrawingRound
  last: boolean
}) {
  const { t } = useTranslation()
  const files = round.attachmentIds.map((id) => detail.attachments.find((a) => a.id === id))
  return (
    <Card
      size="small"
      className={`drawing-round drawing-round-${round.decision ?? 'pending'}`}
      title={
        <Flex gap={8} align="center">
          {t('cases.fitOut.drawings.round', { n: round.n })}
          <Decision round={round} />
        </Flex>
      }
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('cases.fitOut.drawings.submittedOn', { date: round.submittedOn })}
        </Typography.Text>
      }
    >
      <Flex vertical gap={10}>
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {files.map((f, k) =>
              f ? (
                <FileThumb key={f.id} caseId={detail.id} file={f} size={120} />
              ) : (
                <Typography.Text key={k} type="secondary" style={{ width: 120, fontSize: 12 }}>
                  {t('cases.fitOut.drawings.fileHidden')}
                </Typography.Text>
              ),
            )}
          </Flex>
        </Image.PreviewGroup>
        {round.note && (
          <Typography.Text>
            <Typography.Text type="secondary">{t('cases.fitOut.drawings.note')}：</Typography.Text>
            {round.note}
          </Typography.Text>
        )}
        {round.decision ? (
          <Flex vertical gap={4} className="drawing-review">
            {(round.changes ?? []).length > 0 && (
              <>
                <Typography.Text strong type="danger">
                  {t('cases.fitOut.drawings.changes')}
                </Typography.Text>
                <ol className="drawing-changes">
                  {(round.changes ?? []).map((c, k) => (
                    <li key={k}>{c}</li>
                  ))}
                </ol>
              </>
            )}
            {round.reviewNote && (
              <Typography.Text>
                <Typography.Text type="secondary">
                  {t('cases.fitOut.drawings.reviewNote')}：
                </Typography.Text>
                {round.reviewNote}
              </Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cases.fitOut.drawings.reviewedBy', {
                name: round.reviewedBy ?? '—',
                date: round.reviewedOn ?? '—',
              })}
            </Typography.Text>
          </Flex>
        ) : (
          last && (
            <Flex gap={8} wrap>
              <StepButton detail={detail} action="approve_drawings" type="primary" />
              <StepButton detail={detail} action="reject_drawings" danger />
            </Flex>
          )
        )}
      </Flex>
    </Card>
  )
}

export function DrawingRounds({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation()
  const rounds = fitOutData(detail).rounds ?? []
  return (
    <Card
      size="small"
      title={t('cases.fitOut.drawings.title')}
      extra={<StepButton detail={detail} action="submit_drawings" type="primary" />}
    >
      {rounds.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.fitOut.drawings.none')} />
      ) : (
        <div className="drawing-rounds">
          {rounds.map((r, k) => (
            <RoundColumn key={r.n} detail={detail} round={r} last={k === rounds.length - 1} />
          ))}
        </div>
      )}
    </Card>
  )
}
