import { Card, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CaseBrief, CaseDetail } from '../api'
import { StateTag, TypeTag } from './CaseTags'

function Brief({ item }: { item: CaseBrief }) {
  return (
    <Flex gap={6} align="center" wrap>
      <TypeTag type={item.type} />
      <Link to={`/cases/${item.id}`}>{item.number}</Link>
      <Typography.Text ellipsis style={{ maxWidth: 200 }}>
        {item.title}
      </Typography.Text>
      <StateTag type={item.type} state={item.state} />
    </Flex>
  )
}

/** The case this one was raised from, and those it raised (liaison slips, repairs). */
export function RelatedCases({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation()
  if (!detail.parent && detail.children.length === 0) return null
  return (
    <Card size="small" title={t('cases.detail.related')}>
      <Flex vertical gap={8}>
        {detail.parent && (
          <>
            <Typography.Text type="secondary">{t('cases.detail.parent')}</Typography.Text>
            <Brief item={detail.parent} />
          </>
        )}
        {detail.children.length > 0 && (
          <>
            <Typography.Text type="secondary">{t('cases.detail.children')}</Typography.Text>
            {detail.children.map((c) => (
              <Brief key={c.id} item={c} />
            ))}
          </>
        )}
      </Flex>
    </Card>
  )
}
