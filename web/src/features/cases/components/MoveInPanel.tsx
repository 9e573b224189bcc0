// 客户入驻: the checklist from documents to an occupied unit (§2.3, H-MI-1…5), with what each
// step recorded: meter readings, keys and cards, liaison slips, moving help, welcome, services.
import { Descriptions, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CaseDetail } from '../api'
import { dataText } from '../labels'
import { CaseChecklist, type ChecklistStep } from './CaseChecklist'
import { ChildSlips } from './ChildSlips'
import { MovingHelp, type MovingHelpData } from './MovingHelp'

type Handover = {
  electricityReading?: number
  waterReading?: number
  condition?: string
  keys?: number
  cards?: number
}

/** The keys of a move-in's data this panel shows (the facts card leaves them out). */
export const MOVE_IN_SHOWN = [
  'moveInDate',
  'role',
  'documents',
  'handover',
  'departmentsNotified',
  'movingHelp',
  'welcomed',
  'services',
]

export function MoveInPanel({ detail, timeZone }: { detail: CaseDetail; timeZone: string }) {
  const { t } = useTranslation()
  const data = detail.data as {
    moveInDate?: string
    role?: string
    handover?: Handover
    movingHelp?: MovingHelpData
    welcomed?: string | boolean
    services?: string[]
  }
  const text = (field: string, value: unknown) => dataText(t, field, value, timeZone)
  const handover = data.handover
  const steps: ChecklistStep[] = [
    { key: 'documents', actions: ['receive_documents'] },
    { key: 'agreement', actions: ['sign_agreement'] },
    { key: 'fees', actions: ['confirm_fees'] },
    {
      key: 'handover',
      actions: ['hand_over'],
      detail: handover && (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            ['electricityReading', handover.electricityReading],
            ['waterReading', handover.waterReading],
            ['keys', handover.keys],
            ['cards', handover.cards],
            ['condition', handover.condition],
          ].map(([key, value]) => ({
            key: String(key),
            label: t(`cases.field.${String(key)}`),
            children: text(String(key), value),
          }))}
        />
      ),
    },
    {
      key: 'departments',
      actions: ['notify_departments', 'notify_departments_late'],
      clause: 'H-MI-2',
      detail: <ChildSlips detail={detail} type="liaison" />,
    },
    {
      key: 'movingHelp',
      actions: ['arrange_moving_help'],
      clause: 'H-MI-1',
      optional: true,
      detail: <MovingHelp help={data.movingHelp} timeZone={timeZone} />,
    },
    {
      key: 'welcome',
      actions: ['welcome'],
      clause: 'H-MI-4',
      detail: typeof data.welcomed === 'string' && (
        <Typography.Text>{data.welcomed}</Typography.Text>
      ),
    },
    {
      key: 'services',
      actions: ['add_service'],
      clause: 'H-MI-5',
      optional: true,
      detail: data.services && data.services.length > 0 && (
        <Flex vertical>
          {data.services.map((s, i) => (
            <Typography.Text key={i}>· {s}</Typography.Text>
          ))}
        </Flex>
      ),
    },
    { key: 'complete', actions: ['complete'] },
  ]
  const title = t('cases.moveIn.checklist', {
    date: data.moveInDate ?? '—',
    role: data.role ? text('role', data.role) : '—',
  })
  return <CaseChecklist title={title} detail={detail} steps={steps} timeZone={timeZone} />
}
