import { ArrowLeftOutlined, FileDoneOutlined, PrinterOutlined } from '@ant-design/icons'
import { Button, Card, Col, Flex, Result, Row, Skeleton, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../api/client'
import { useCurrentUser } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { PageHeader } from '../../ui/PageHeader'
import { useCase } from './api'
import { ActionBar } from './components/ActionBar'
import { AttachmentsCard } from './components/AttachmentsCard'
import { CaseFacts } from './components/CaseFacts'
import { CaseFlags, PriorityTag, StateTag, TypeTag } from './components/CaseTags'
import { CaseTimeline } from './components/CaseTimeline'
import { CaseTypePanel, shownByPanel } from './components/CaseTypePanel'
import { CommentBox } from './components/CommentBox'
import { DeadlinesCard } from './components/DeadlinesCard'
import { RelatedCases } from './components/RelatedCases'
import { SettlementCard } from './components/SettlementCard'
import { SignOffsCard } from './components/SignOffsCard'

/** 工单详情: where the case stands, what happened, and the steps the caller may take now. */
export function CaseDetailPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const navigate = useNavigate()
  const me = useCurrentUser()
  const { timeZone } = useCurrentProperty()
  const query = useCase(id)

  const back = (
    <Link to="/cases">
      <ArrowLeftOutlined /> {t('cases.detail.back')}
    </Link>
  )
  if (query.isPending) return <Skeleton active />
  if (query.isError) {
    const missing = isApiError(query.error) && query.error.status === 404
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('cases.detail.notFound') : errorMessage(t, query.error)}
        extra={back}
      />
    )
  }
  const detail = query.data

  return (
    <>
      {back}
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <span>{detail.number}</span>
            <TypeTag type={detail.type} />
            <StateTag type={detail.type} state={detail.state} />
            <PriorityTag priority={detail.priority} />
            <CaseFlags item={detail} />
          </Flex>
        }
        extra={
          me.kind === 'staff' && (
            <>
              {detail.type === 'move_out' && (
                <Button
                  icon={<FileDoneOutlined />}
                  onClick={() => void navigate(`/cases/${detail.id}/settlement`)}
                >
                  {t('cases.moveOut.printSettlement')}
                </Button>
              )}
              <Button
                icon={<PrinterOutlined />}
                onClick={() => void navigate(`/cases/${detail.id}/print`)}
              >
                {t(detail.type === 'release' ? 'cases.release.print' : 'cases.print.button')}
              </Button>
            </>
          )
        }
      />
      <Typography.Title level={4} style={{ marginTop: -8 }}>
        {detail.title}
      </Typography.Title>
      <Card size="small" title={t('cases.detail.actions')} style={{ marginBottom: 16 }}>
        <ActionBar detail={detail} onStale={() => void query.refetch()} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <CaseTypePanel detail={detail} timeZone={timeZone} />
            <CaseFacts detail={detail} timeZone={timeZone} omit={shownByPanel(detail)} />
            <CaseTimeline detail={detail} timeZone={timeZone} />
            {detail.canComment && (
              <Card size="small" title={t('cases.comment.title')}>
                <CommentBox caseId={detail.id} />
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            {detail.type === 'move_out' && me.kind === 'staff' && (
              <SettlementCard detail={detail} />
            )}
            <DeadlinesCard deadlines={detail.deadlines} timeZone={timeZone} />
            <SignOffsCard detail={detail} timeZone={timeZone} />
            <AttachmentsCard detail={detail} timeZone={timeZone} />
            <RelatedCases detail={detail} />
          </Flex>
        </Col>
      </Row>
    </>
  )
}
