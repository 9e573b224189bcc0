import { FilePdfOutlined, UploadOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, Flex, Image, Switch, Tag, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCurrentUser } from '../../../app/auth/me-context'
import { errorMessage } from '../../../ui/errors'
import { formatDateTime } from '../../../ui/format'
import { attachmentUrl, type CaseDetail, useUploadAttachment } from '../api'

const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf'
const MAX_BYTES = 10 * 1024 * 1024

/** 附件: photos as thumbnails, PDFs as links; staff choose whether the customer sees a file. */
export function AttachmentsCard({ detail, timeZone }: { detail: CaseDetail; timeZone: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const me = useCurrentUser()
  const upload = useUploadAttachment(detail.id)
  const [visible, setVisible] = useState(me.kind === 'customer')
  // Signatures are shown with their sign-off.
  const files = detail.attachments.filter((a) => a.kind !== 'signature')

  const onFile = (file: File) => {
    if (file.size > MAX_BYTES) {
      void message.error(t('cases.attachments.tooLarge'))
      return
    }
    upload.mutate(
      { file, visibleToCustomer: visible },
      {
        onSuccess: () => void message.success(t('cases.attachments.uploaded')),
        onError: (error) => void message.error(errorMessage(t, error)),
      },
    )
  }

  return (
    <Card
      size="small"
      title={t('cases.detail.attachments')}
      extra={
        detail.canComment && (
          <Flex gap={8} align="center">
            {me.kind === 'staff' && (
              <Switch
                size="small"
                checked={visible}
                onChange={setVisible}
                checkedChildren={t('cases.timeline.customerVisible')}
                unCheckedChildren={t('cases.timeline.internal')}
              />
            )}
            <Upload
              accept={ACCEPT}
              showUploadList={false}
              beforeUpload={(file) => {
                onFile(file)
                return false
              }}
            >
              <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
                {t('cases.attachments.upload')}
              </Button>
            </Upload>
          </Flex>
        )
      }
    >
      {files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.attachments.none')} />
      ) : (
        <Image.PreviewGroup>
          <Flex wrap gap={12}>
            {files.map((a) => {
              const url = attachmentUrl(detail.id, a.id)
              return (
                <Flex key={a.id} vertical gap={2} style={{ width: 112 }}>
                  {a.contentType.startsWith('image/') ? (
                    <Image
                      src={url}
                      alt={a.fileName}
                      width={112}
                      height={84}
                      style={{ objectFit: 'cover' }}
                    />
                  ) : (
                    <a href={url} target="_blank" rel="noreferrer" className="case-attachment-doc">
                      <FilePdfOutlined style={{ fontSize: 32 }} />
                    </a>
                  )}
                  <Typography.Text ellipsis={{ tooltip: a.fileName }} style={{ fontSize: 12 }}>
                    {a.fileName}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                    {formatDateTime(a.uploadedAt, timeZone).slice(0, 16)}
                  </Typography.Text>
                  {me.kind === 'staff' && a.visibleToCustomer && (
                    <Tag color="green" style={{ width: 'fit-content' }}>
                      {t('cases.timeline.customerVisible')}
                    </Tag>
                  )}
                </Flex>
              )
            })}
          </Flex>
        </Image.PreviewGroup>
      )}
    </Card>
  )
}
