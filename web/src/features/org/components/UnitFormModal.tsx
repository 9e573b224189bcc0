import { App, Form, Input, InputNumber, Modal, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { isStaleVersion } from '../../../api/client'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import {
  type Floor,
  type Unit,
  type UnitInput,
  UNIT_KINDS,
  UNIT_STATUSES,
  useSaveUnit,
} from '../api'

type Props = {
  floors: Floor[]
  /** The unit to edit, or the floor a new unit goes on. */
  target: { unit: Unit } | { floor: Floor | undefined } | null
  onClose: () => void
}

export function UnitFormModal({ floors, target, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<UnitInput>()
  const save = useSaveUnit()
  const unit = target && 'unit' in target ? target.unit : undefined
  const floor = target && 'floor' in target ? target.floor : undefined

  const initialValues: Partial<UnitInput> = unit
    ? {
        floorId: unit.floorId,
        number: unit.number,
        kind: unit.kind,
        areaM2: unit.areaM2,
        status: unit.status,
      }
    : { floorId: floor?.id, kind: floor?.kind ?? 'apartment', status: 'vacant' }

  const submit = async () => {
    const values = await form.validateFields()
    save.mutate(
      { ...values, id: unit?.id, version: unit?.version },
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
      title={unit ? t('units.editUnit') : t('units.newUnit')}
      open={target !== null}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues}>
        <Form.Item name="floorId" label={t('unit.floor')} rules={[{ required: true }]}>
          <Select
            disabled={Boolean(unit)}
            showSearch={{ optionFilterProp: 'label' }}
            options={floors.map((f) => ({ value: f.id, label: f.label }))}
          />
        </Form.Item>
        <Form.Item
          name="number"
          label={t('unit.number')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input placeholder={t('unit.numberPlaceholder')} />
        </Form.Item>
        <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true }]}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="areaM2" label={t('unit.area')} rules={[{ required: true }]}>
          <InputNumber min={0} step={0.01} precision={2} style={{ width: '100%' }} suffix="m²" />
        </Form.Item>
        <Form.Item name="status" label={t('unit.status')}>
          <Select options={UNIT_STATUSES.map((s) => ({ value: s, label: t(`unitStatus.${s}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
