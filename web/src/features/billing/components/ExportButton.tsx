import { DownloadOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCan } from '../../../app/auth/me-context'
import { type ExportTable, exportUrl } from '../api'

type Props = { table: ExportTable; query: Record<string, string | undefined> }

/** An Excel download: a plain link, so the browser saves the file with the session cookie. */
export function ExportButton({ table, query }: Props) {
  const { t } = useTranslation()
  const can = useCan()
  if (!can('billing.export')) return null
  return (
    <Button icon={<DownloadOutlined />} href={exportUrl(table, query)} download>
      {t('billing.export')}
    </Button>
  )
}
