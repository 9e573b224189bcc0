import { Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CaseDetail, CaseType } from '../api'
import { StateTag } from './CaseTags'

/** The cases this one raised of a type (liaison slips to departments, release slips), with states. */
export function ChildSlips({ detail, type }: { detail: CaseDetail; type: CaseType }) {
  const { t } = useTranslation()
  const slips = detail.children.filter((c) => c.type === type)
  if (slips.length === 0) return null
  return (
    <Flex vertical gap={4}>
      {slips.map((c) => (
        <Flex key={c.id} gap={8} align="center" wrap>
          <Link to={`/cases/${c.id}`}>{c.number}</Link>
          <Typography.Text ellipsis style={{ maxWidth: 320 }} title={c.title}>
            {c.title}
          </Typography.Text>
          <StateTag type={c.type} state={c.state} />
        </Flex>
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('cases.checklist.slipsDone', {
          done: slips.filter((c) => c.state === 'done' || c.state === 'released').length,
          total: slips.length,
        })}
      </Typography.Text>
    </Flex>
  )
}
