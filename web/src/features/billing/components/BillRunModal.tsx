import { Alert, Button, DatePicker, Descriptions, Form, Modal } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../ui/errors'
import { formatFen } from '../../../ui/money'
import { useBillRun } from '../api'

type Props = {
  propertyId: string
  initialPeriod?: string
  onClose: () => void
  /** Show the bills of the period that was run. */
  onShow: (period: string) => void
}

/** 生成账单: a month's bills; a second run of the same month creates nothing and says so. */
export function BillRunModal({ propertyId, initialPeriod, onClose, onShow }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ period: Dayjs }>()
  const run = useBillRun()
  const result = run.data

  const submit = async () => {
    const { period } = await form.validateFields()
    run.mutate({ propertyId, period: period.format('YYYY-MM') })
  }

  const footer = result
    ? [
        <Button
          key="show"
          onClick={() => {
            onShow(result.period)
            onClose()
          }}
        >
          {t('bills.showPeriod', { period: result.period })}
        </Button>,
        <Button key="close" type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ]
    : undefined

  return (
    <Modal
      open
      title={t('bills.run')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('bills.runOk')}
      confirmLoading={run.isPending}
      footer={footer}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ period: dayjs(initialPeriod ? `${initialPeriod}-01` : undefined) }}
      >
        <Form.Item name="period" label={t('billing.period')} rules={[{ required: true }]}>
          <DatePicker picker="month" disabled={Boolean(result)} />
        </Form.Item>
      </Form>
      {run.isError && <Alert type="error" showIcon title={errorMessage(t, run.error)} />}
      {result && (
        <>
          <Alert
            type={result.billsCreated + result.chargesCreated > 0 ? 'success' : 'info'}
            showIcon
            title={
              result.chargesCreated > 0
                ? t('bills.runDone', { period: result.period })
                : t('bills.runNothing', { period: result.period, count: result.chargesExisting })
            }
            style={{ marginBottom: 12 }}
          />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('bills.billsCreated')}>
              {result.billsCreated}
            </Descriptions.Item>
            <Descriptions.Item label={t('bills.chargesCreated')}>
              {result.chargesCreated}
            </Descriptions.Item>
            <Descriptions.Item label={t('bills.amountCreated')}>
              {formatFen(result.amountCreated)}
            </Descriptions.Item>
            <Descriptions.Item label={t('bills.chargesExisting')}>
              {result.chargesExisting}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Modal>
  )
}
