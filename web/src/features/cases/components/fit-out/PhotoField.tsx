import { Flex } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Attachment } from '../../api'
import { PhotoSelect } from '../ContextSelects'
import { UploadToCase } from './CaseFiles'

type Props = {
  caseId: string
  files: Attachment[]
  value?: string
  onChange?: (id: string | undefined) => void
  id?: string
}

/** One of the case's photos (a finding, a damage line), or a photo taken now and uploaded. */
export function PhotoField({ caseId, files, value, onChange, id }: Props) {
  const { t } = useTranslation()
  return (
    <Flex gap={8} align="center">
      <PhotoSelect
        id={id}
        caseId={caseId}
        attachments={files}
        value={value}
        onChange={onChange}
        style={{ flex: 1, minWidth: 0 }}
        placeholder={t('cases.fitOut.photoPlaceholder')}
      />
      <UploadToCase
        caseId={caseId}
        accept="image/jpeg,image/png,image/webp"
        label={t('cases.fitOut.takePhoto')}
        onUploaded={(f) => onChange?.(f.id)}
      />
    </Flex>
  )
}
