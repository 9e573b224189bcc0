import { Card, Empty, Flex, Image, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../ui/format'
import { attachmentUrl, type CaseDetail } from '../api'
import { actionLabel, roleLabel } from '../labels'

/** 签字确认: who signed which step, in what role, when; a drawn signature beside it. */
export function SignOffsCard({ detail, timeZone }: { detail: CaseDetail; timeZone: string }) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('cases.detail.signOffs')}>
      {detail.signOffs.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.detail.noSignOffs')} />
      ) : (
        <Flex vertical gap={12}>
          {detail.signOffs.map((s) => (
            <Flex key={s.id} gap={12} align="center" justify="space-between" wrap>
              <Flex vertical>
                <Typography.Text strong>{actionLabel(t, s.action, detail.type)}</Typography.Text>
                <Typography.Text>
                  {s.signerName} · {roleLabel(t, s.signerRole)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(s.signedAt, timeZone)}
                </Typography.Text>
              </Flex>
              {s.signatureId && (
                <Image
                  src={attachmentUrl(detail.id, s.signatureId)}
                  alt={t('cases.signature.of', { name: s.signerName })}
                  height={56}
                  className="signature-image"
                />
              )}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  )
}
