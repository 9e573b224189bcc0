import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { isStaleVersion } from '../../../api/client'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { type Floor, type FloorInput, UNIT_KINDS, useDeleteFloor, useSaveFloor } from '../api'

type Props = {
  propertyId: string
  /** The floor to edit; null for a new one. */
  floor: Floor | null
  open: boolean
  onClose: () => void
}

export function FloorFormModal({ propertyId, floor, open, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<FloorInput>()
  const save = useSaveFloor(propertyId)
  const remove = useDeleteFloor()

  // Only an empty floor can go; the server says so when it is not.
  const deleteButton = floor && (
    <Popconfirm
      title={t('units.deleteFloorConfirm', { label: floor.label })}
      onConfirm={() =>
        remove.mutate(floor.id, {
          onSuccess: () => {
            void message.success(t('units.floorDeleted'))
            onClose()
          },
          onError: (error) => void message.error(errorMessage(t, error)),
        })
      }
    >
      <Button danger loading={remove.isPending} style={{ marginInlineEnd: 'auto' }}>
        {t('units.deleteFloor')}
      </Button>
    </Popconfirm>
  )

  const submit = async () => {
    const values = await form.validateFields()
    save.mutate(
      { ...values, id: floor?.id, version: floor?.version },
      {
        onSuccess: () => {
          void message.success(t('common.saved'))
          onClose()
        },
        onError: (error) => {
          if (isStaleVersion(error)) {
            void message.warning(t('errors.stale_reloaded'))
            onClose()
          } else if (!applyFormErrors(form, t, error)) {
            void message.error(errorMessage(t, error))
          }
        },
      },
    )
  }

  return (
    <Modal
      title={floor ? t('units.editFloor') : t('units.newFloor')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
      footer={(_, { OkBtn, CancelBtn }) => (
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
          {deleteButton}
          <CancelBtn />
          <OkBtn />
        </div>
      )}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={floor ?? { kind: 'apartment' }}
      >
        <Form.Item
          name="label"
          label={t('floor.label')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input placeholder={t('floor.labelPlaceholder')} />
        </Form.Item>
        <Form.Item name="level" label={t('floor.level')} rules={[{ required: true }]}>
          <InputNumber precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('floor.kind')} rules={[{ required: true }]}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
