import { Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { Navigate } from 'react-router'
import { useCan } from './auth/me-context'
import { NAV_ITEMS } from './nav'

export function HomeRedirect() {
  const { t } = useTranslation()
  const can = useCan()
  const first = NAV_ITEMS.find((item) => can(item.permission))
  if (first) return <Navigate to={first.path} replace />
  return <Result status="info" title={t('home.nothingTitle')} subTitle={t('home.nothingText')} />
}
