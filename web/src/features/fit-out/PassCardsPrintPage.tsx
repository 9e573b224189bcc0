import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons'
import { Button, Empty, Flex, Result, Skeleton, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { errorMessage } from '../../ui/errors'
import { useCase } from '../cases/api'
import { useCasePasses } from './api'
import { PassCard } from './components/PassCard'
import { usePrintAudit } from './components/usePrintAudit'
import { fitOutView } from './fit-out-data'
import './print.css'

/** Six cards to an A4 sheet: two across, three down. */
const PER_PAGE = 6

/** 施工人员出入证: one card per active pass of a fit-out, six to a page, audited when opened. */
export function PassCardsPrintPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const query = useCase(id)
  const passes = useCasePasses(id)
  usePrintAudit(id, Boolean(query.data && passes.data), 'pass_cards')

  const failed = query.error ?? passes.error
  if (failed) return <Result status="error" title={errorMessage(t, failed)} />
  if (!query.data || !passes.data) return <Skeleton active />
  const c = query.data
  if (c.type !== 'fit_out') return <Result status="404" title={t('fitOut.notFitOut')} />
  const view = fitOutView(c.data)
  const active = passes.data.filter((p) => p.status === 'active')
  const pages = Array.from({ length: Math.ceil(active.length / PER_PAGE) }, (_, k) =>
    active.slice(k * PER_PAGE, (k + 1) * PER_PAGE),
  )
  const fitOut = {
    propertyName: c.propertyName,
    number: c.number,
    unitNumber: c.unitNumber,
    customerName: c.customerName,
    contractor: view.contractor.name ?? null,
    dailyHours: view.dailyHours,
  }

  return (
    <>
      <Flex
        className="no-print"
        justify="space-between"
        align="center"
        style={{ marginBottom: 16 }}
      >
        <Link to={`/cases/${c.id}`}>
          <ArrowLeftOutlined /> {t('cases.print.back')}
        </Link>
        <Typography.Text type="secondary">
          {t('fitOut.passCard.count', { count: active.length, number: c.number })}
        </Typography.Text>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={active.length === 0}
          onClick={() => window.print()}
        >
          {t('cases.print.print')}
        </Button>
      </Flex>
      {active.length === 0 ? (
        <Empty description={t('fitOut.passCard.none')} />
      ) : (
        pages.map((page, k) => (
          <section key={k} className="print-sheet pass-page">
            {page.map((pass) => (
              <PassCard key={pass.id} pass={pass} fitOut={fitOut} />
            ))}
          </section>
        ))
      )}
    </>
  )
}
