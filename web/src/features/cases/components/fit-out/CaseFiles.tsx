// The case's own files inside a step's form: choose drawings from what was uploaded to the case,
// or upload one here (it goes to the case's attachments like any other) and have it chosen.
import { CheckCircleFilled, FilePdfOutlined, UploadOutlined } from '@ant-design/icons'
import { App, Button, Empty, Flex, Image, Typography, Upload } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCurrentUser } from '../../../../app/auth/me-context'
import { errorMessage } from '../../../../ui/errors'
import { type Attachment, attachmentUrl, useCase, useUploadAttachment } from '../../api'
import './fit-out.css'

const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf'
const MAX_BYTES = 10 * 1024 * 1024

/** The case's files as they are now: a file uploaded from an open form shows at once. */
export function useLiveFiles(caseId: string, opened: Attachment[]): Attachment[] {
  const live = useCase(caseId).data
  return (live?.id === caseId ? live.attachments : opened).filter((a) => a.kind !== 'signature')
}

/** Uploads a file to the case (the customer sees it: drawings and photos are theirs too). */
export function UploadToCase({
  caseId,
  accept = ACCEPT,
  label,
  onUploaded,
}: {
  caseId: string
  accept?: string
  label?: string
  onUploaded: (file: Attachment) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const upload = useUploadAttachment(caseId)
  const me = useCurrentUser()
  return (
    <Upload
      accept={accept}
      showUploadList={false}
      beforeUpload={(file) => {
        if (file.size > MAX_BYTES) void message.error(t('cases.attachments.tooLarge'))
        else
          upload.mutate(
            { file, visibleToCustomer: true },
            {
              onSuccess: (saved) => onUploaded(saved),
              onError: (error) => void message.error(errorMessage(t, error)),
            },
          )
        return false
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
        {label ?? t(me.kind === 'customer' ? 'cases.fitOut.upload' : 'cases.fitOut.uploadStaff')}
      </Button>
    </Upload>
  )
}

/** A file as a thumbnail: an image inline, a PDF as a link that opens it. */
export function FileThumb({
  caseId,
  file,
  size = 112,
}: {
  caseId: string
  file: Pick<Attachment, 'id' | 'fileName' | 'contentType'>
  size?: number
}) {
  const url = attachmentUrl(caseId, file.id)
  const height = Math.round((size * 3) / 4)
  return (
    <Flex vertical gap={2} style={{ width: size }}>
      {file.contentType.startsWith('image/') ? (
        <Image
          src={url}
          alt={file.fileName}
          width={size}
          height={height}
          style={{ objectFit: 'cover' }}
        />
      ) : (
        <a
          href={url}
          target="_blank"
          rel="noreferrer"
          className="case-attachment-doc"
          style={{ width: size, height }}
        >
          <FilePdfOutlined style={{ fontSize: 32 }} />
        </a>
      )}
      <Typography.Text ellipsis={{ tooltip: file.fileName }} style={{ fontSize: 12 }}>
        {file.fileName}
      </Typography.Text>
    </Flex>
  )
}

type PickerProps = {
  caseId: string
  files: Attachment[]
  value?: string[]
  onChange?: (ids: string[]) => void
  /** A word under a file (the round it was submitted in before). */
  noteOf?: (file: Attachment) => string | undefined
}

/** Several of the case's files, chosen by clicking their thumbnails (drawings for review). */
export function FilesPicker({ caseId, files, value = [], onChange, noteOf }: PickerProps) {
  const { t } = useTranslation()
  const toggle = (id: string) =>
    onChange?.(value.includes(id) ? value.filter((v) => v !== id) : [...value, id])
  return (
    <Flex vertical gap={8}>
      <UploadToCase caseId={caseId} onUploaded={(f) => onChange?.([...value, f.id])} />
      {files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.fitOut.noFiles')} />
      ) : (
        <Flex wrap gap={12}>
          {files.map((f) => {
            const chosen = value.includes(f.id)
            return (
              <Flex
                key={f.id}
                vertical
                gap={4}
                className={`file-pick${chosen ? ' file-pick-chosen' : ''}`}
              >
                <FileThumb caseId={caseId} file={f} size={104} />
                {noteOf?.(f) && (
                  <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                    {noteOf(f)}
                  </Typography.Text>
                )}
                <Button
                  size="small"
                  type={chosen ? 'primary' : 'default'}
                  icon={chosen ? <CheckCircleFilled /> : undefined}
                  aria-pressed={chosen}
                  onClick={() => toggle(f.id)}
                >
                  {t(chosen ? 'cases.fitOut.chosen' : 'cases.fitOut.choose')}
                </Button>
              </Flex>
            )
          })}
        </Flex>
      )}
    </Flex>
  )
}
