import { App, Button, Flex, Input, Switch } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCurrentUser } from '../../../app/auth/me-context'
import { errorMessage } from '../../../ui/errors'
import { useAddComment } from '../api'

/** A note on the case: internal by default; staff switch it on for the customer to see. */
export function CommentBox({ caseId }: { caseId: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const me = useCurrentUser()
  const add = useAddComment(caseId)
  const [text, setText] = useState('')
  const [visible, setVisible] = useState(false)
  const isCustomer = me.kind === 'customer'

  const send = () => {
    const trimmed = text.trim()
    if (!trimmed) return
    add.mutate(
      { text: trimmed, visibleToCustomer: isCustomer || visible },
      {
        onSuccess: () => {
          setText('')
          setVisible(false)
        },
        onError: (error) => void message.error(errorMessage(t, error)),
      },
    )
  }

  return (
    <Flex vertical gap={8}>
      <Input.TextArea
        aria-label={t('cases.comment.label')}
        placeholder={t(
          isCustomer ? 'cases.comment.placeholderCustomer' : 'cases.comment.placeholder',
        )}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={4000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send()
        }}
      />
      <Flex justify="space-between" align="center">
        {isCustomer ? (
          <span />
        ) : (
          <label>
            <Switch size="small" checked={visible} onChange={setVisible} />{' '}
            {t('cases.comment.visibleToCustomer')}
          </label>
        )}
        <Button type="primary" onClick={send} loading={add.isPending} disabled={!text.trim()}>
          {t('cases.comment.send')}
        </Button>
      </Flex>
    </Flex>
  )
}
