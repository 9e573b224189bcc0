import { CameraOutlined, DeleteOutlined } from '@ant-design/icons'
import { App, Button, Flex } from 'antd'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../ui/errors'
import { attachmentUrl, useUploadAttachment } from '../../cases/api'
import { shrinkPhoto } from './shrink-photo'

const MAX_BYTES = 10 * 1024 * 1024

/**
 * A finding's photo, taken with the phone's camera: uploaded to the case at once (the finding
 * names it by id), shown as a thumbnail. The form's value is the attachment's id.
 */
export function PhotoField({
  caseId,
  value,
  onChange,
  onBusy,
}: {
  caseId: string
  value?: string
  onChange?: (photoId: string | undefined) => void
  onBusy: (busy: boolean) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const input = useRef<HTMLInputElement>(null)
  const upload = useUploadAttachment(caseId)

  const onFile = async (picked: File | undefined) => {
    if (!picked) return
    onBusy(true)
    try {
      const file = await shrinkPhoto(picked)
      if (file.size > MAX_BYTES) {
        void message.error(t('cases.attachments.tooLarge'))
        return
      }
      const saved = await upload.mutateAsync({ file, visibleToCustomer: false })
      onChange?.(saved.id)
    } catch (error) {
      void message.error(errorMessage(t, error))
    } finally {
      onBusy(false)
      if (input.current) input.current.value = ''
    }
  }

  return (
    <Flex gap={12} align="center" wrap className="patrol-photo">
      {value && <img src={attachmentUrl(caseId, value)} alt={t('fitOut.patrol.photo')} />}
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      <Button
        icon={<CameraOutlined />}
        loading={upload.isPending}
        onClick={() => input.current?.click()}
      >
        {value ? t('fitOut.patrol.retake') : t('fitOut.patrol.takePhoto')}
      </Button>
      {value && (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('fitOut.patrol.removePhoto')}
          onClick={() => onChange?.(undefined)}
        />
      )}
    </Flex>
  )
}
