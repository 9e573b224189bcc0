import { lazy, type ReactNode, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { useCan } from './me-context'

// Shown only to someone who may not see the page: fetched then, not with every page.
const Result = lazy(() => import('antd/es/result'))

export function RequirePermission({
  permission,
  children,
}: {
  permission: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  const can = useCan()
  if (!can(permission)) {
    return (
      <Suspense>
        <Result status="403" title="403" subTitle={t('errors.forbidden')} />
      </Suspense>
    )
  }
  return children
}
