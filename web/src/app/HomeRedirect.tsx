import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate } from 'react-router'
import { useCan } from './auth/me-context'
import { NAV_ITEMS } from './nav'

// Only for a user who may see no page at all: fetched then.
const Result = lazy(() => import('antd/es/result'))

export function HomeRedirect() {
  const { t } = useTranslation()
  const can = useCan()
  const first = NAV_ITEMS.find((item) => item.home !== false && can(item.permission))
  if (first) return <Navigate to={first.path} replace />
  return (
    <Suspense>
      <Result status="info" title={t('home.nothingTitle')} subTitle={t('home.nothingText')} />
    </Suspense>
  )
}
