import { CloseOutlined, SaveOutlined } from '@ant-design/icons'
import { App, Button, Flex, Input, Popover, Space, Tag, Typography } from 'antd'
import { memo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../ui/errors'
import { type SavedView, useDeleteView, useSavedViews, useSaveView } from '../api'

type Props = {
  /** The queue's filters as they stand (the URL's query). */
  current: Record<string, string>
  onApply: (query: Record<string, string>) => void
}

const sameQuery = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v)

/** 我的视图: the queue's filters saved under a name, one click to bring them back. */
export const SavedViews = memo(function SavedViews({ current, onApply }: Props) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const views = useSavedViews()
  const save = useSaveView()
  const remove = useDeleteView()
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')

  const onSave = () => {
    const trimmed = name.trim()
    if (!trimmed) return
    save.mutate(
      { name: trimmed, query: current },
      {
        onSuccess: () => {
          void message.success(t('cases.views.saved'))
          setNaming(false)
          setName('')
        },
        onError: (error) => void message.error(errorMessage(t, error)),
      },
    )
  }

  const onDelete = (view: SavedView) =>
    void modal.confirm({
      title: t('cases.views.deleteConfirm', { name: view.name }),
      onOk: () =>
        remove.mutateAsync(view.id).then(
          () => void message.success(t('cases.views.deleted')),
          (error: unknown) => void message.error(errorMessage(t, error)),
        ),
    })

  return (
    <Flex align="center" gap={8} wrap>
      <Typography.Text type="secondary">{t('cases.views.title')}</Typography.Text>
      {(views.data ?? []).map((view) => {
        const active = sameQuery(view.query, current)
        return (
          <Tag
            key={view.id}
            color={active ? 'blue' : undefined}
            closable
            closeIcon={<CloseOutlined aria-label={t('cases.views.delete', { name: view.name })} />}
            onClose={(event) => {
              // The tag stays until the server has deleted the view.
              event.preventDefault()
              onDelete(view)
            }}
            style={{ cursor: 'pointer', userSelect: 'none' }}
          >
            <span
              role="button"
              tabIndex={0}
              onClick={() => onApply(view.query)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') onApply(view.query)
              }}
            >
              {view.name}
            </span>
          </Tag>
        )
      })}
      {views.data?.length === 0 && (
        <Typography.Text type="secondary">{t('cases.views.none')}</Typography.Text>
      )}
      <Popover
        open={naming}
        onOpenChange={setNaming}
        trigger="click"
        title={t('cases.views.saveTitle')}
        content={
          <Space.Compact>
            <Input
              autoFocus
              aria-label={t('cases.views.name')}
              placeholder={t('cases.views.name')}
              maxLength={60}
              value={name}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={onSave}
            />
            <Button type="primary" loading={save.isPending} onClick={onSave}>
              {t('common.save')}
            </Button>
          </Space.Compact>
        }
      >
        <Button size="small" icon={<SaveOutlined />}>
          {t('cases.views.save')}
        </Button>
      </Popover>
    </Flex>
  )
})
