import { Button } from 'antd'
import { lazy, type ReactNode, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation } from 'react-router'
import { useMe } from '../../features/identity/api'
import { FullPageSpin } from '../../ui/FullPageSpin'
import { MeContext } from './me-context'

// Shown only when /me fails: fetched then, not with every page.
const Result = lazy(() => import('antd/es/result'))

export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const location = useLocation()
  const me = useMe()

  if (me.isPending) return <FullPageSpin />
  if (me.isError) {
    return (
      <Suspense>
        <Result
          status="error"
          title={t('errors.load_failed')}
          extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
        />
      </Suspense>
    )
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`
    const search = next === '/' ? '' : `?next=${encodeURIComponent(next)}`
    return <Navigate to={`/login${search}`} replace />
  }
  return <MeContext value={me.data}>{children}</MeContext>
}
