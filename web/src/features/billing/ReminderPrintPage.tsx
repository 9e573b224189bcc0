import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons'
import { Button, Flex, Result, Skeleton } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { formatDateTime } from '../../ui/format'
import { formatFen } from '../../ui/money'
import { useReminder } from './api'

/** 催缴通知单: a formal notice laid out for A4; printing hides the console around it. */
export function ReminderPrintPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { property, timeZone } = useCurrentProperty()
  const reminder = useReminder(id)

  if (reminder.isPending) return <Skeleton active />
  if (reminder.isError) return <Result status="error" title={errorMessage(t, reminder.error)} />
  const r = reminder.data
  const issued = formatDateTime(r.issuedAt, timeZone).slice(0, 10)
  const building = property?.name ?? ''

  return (
    <>
      <Flex className="no-print" justify="space-between" style={{ marginBottom: 16 }}>
        <Link to={`/billing/customers/${r.customerId}`}>
          <ArrowLeftOutlined /> {t('statement.backToStatement')}
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('reminder.print')}
        </Button>
      </Flex>
      <article className="print-sheet reminder-notice">
        <header>
          <div className="reminder-building">{building}</div>
          <h1>{t('reminder.noticeTitle')}</h1>
          <div className="reminder-meta">
            <span>
              {t('reminder.number')}：{r.number}
            </span>
            <span>{t(`reminderLevel.${r.level}`)}</span>
          </div>
        </header>
        <p className="reminder-to">{t('reminder.dear', { name: r.customerName ?? '' })}</p>
        <p className="reminder-body">
          {t(r.level === 'second' ? 'reminder.bodySecond' : 'reminder.bodyFirst', {
            building,
            amount: formatFen(r.amount),
          })}
        </p>
        <table className="reminder-lines">
          <thead>
            <tr>
              <th>{t('reminder.lineNo')}</th>
              <th>{t('billing.period')}</th>
              <th>{t('charge.item')}</th>
              <th>{t('billing.dueDate')}</th>
              <th className="num">{t('reminder.lineOpen')}</th>
            </tr>
          </thead>
          <tbody>
            {r.lines.map((line, index) => (
              <tr key={line.chargeId}>
                <td>{index + 1}</td>
                <td>{line.period}</td>
                <td>{line.item}</td>
                <td>{line.dueDate}</td>
                <td className="num">{formatFen(line.open)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4}>{t('reminder.total')}</td>
              <td className="num">{formatFen(r.amount)}</td>
            </tr>
          </tfoot>
        </table>
        <p className="reminder-body">{t('reminder.closing')}</p>
        <footer>
          <div>{building}</div>
          <div>{t('reminder.issuer')}</div>
          <div>{issued}</div>
        </footer>
      </article>
    </>
  )
}
