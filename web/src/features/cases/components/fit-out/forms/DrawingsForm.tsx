// H-FO-4, H-FO-7: the drawings for review, chosen from the case's files (or uploaded here). A
// resubmission after a rejection is a new round; the changes asked for are shown as a reminder.
import { Alert, Flex, Form, Input, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ActionForm, ActionFormProps } from '../../action-forms'
import { FilesPicker, useLiveFiles } from '../CaseFiles'
import { fitOutData } from '../fit-out-data'
import { defined, textOf } from './form-values'

function DrawingsFields({ detail }: ActionFormProps) {
  const { t } = useTranslation()
  const files = useLiveFiles(detail.id, detail.attachments)
  const rounds = fitOutData(detail).rounds ?? []
  const last = rounds.at(-1)
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('cases.fitOut.drawings.roundOf', { n: rounds.length + 1 })}
        description={
          last?.decision === 'rejected' && (
            <Flex vertical>
              <Typography.Text>{t('cases.fitOut.drawings.changesAsked')}</Typography.Text>
              {(last.changes ?? []).map((c, k) => (
                <Typography.Text key={k}>
                  {k + 1}. {c}
                </Typography.Text>
              ))}
            </Flex>
          )
        }
      />
      <Form.Item
        name="attachmentIds"
        label={t('cases.field.attachmentIds')}
        extra={t('cases.fitOut.drawings.pickHint')}
        rules={[
          {
            required: true,
            type: 'array',
            min: 1,
            message: t('cases.fitOut.drawings.pickOne'),
          },
        ]}
      >
        <FilesPicker
          caseId={detail.id}
          files={files}
          noteOf={(f) => {
            const before = rounds.filter((r) => r.attachmentIds.includes(f.id)).map((r) => r.n)
            return before.length
              ? t('cases.fitOut.drawings.inRounds', { rounds: before.join('、') })
              : undefined
          }}
        />
      </Form.Item>
      <Form.Item name="note" label={t('cases.field.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
      </Form.Item>
    </>
  )
}

export const submitDrawingsForm: ActionForm = {
  Fields: DrawingsFields,
  initialValues: () => ({ attachmentIds: [] }),
  toInput: (v) => defined({ attachmentIds: v.attachmentIds as string[], note: textOf(v.note) }),
  width: 760,
}
