import { Result } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useCan } from './me-context'

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
    return <Result status="403" title="403" subTitle={t('errors.forbidden')} />
  }
  return children
}
