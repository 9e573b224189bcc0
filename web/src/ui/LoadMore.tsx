import { Button, Flex } from 'antd'
import { useTranslation } from 'react-i18next'

type Props = { hasMore: boolean; loading: boolean; onLoad: () => void; shown: number }

/** Cursor pagination: how many are shown, and a button for the next page. */
export function LoadMore({ hasMore, loading, onLoad, shown }: Props) {
  const { t } = useTranslation()
  return (
    <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
      <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('common.shown', { count: shown })}</span>
      {hasMore ? (
        <Button onClick={onLoad} loading={loading}>
          {t('common.loadMore')}
        </Button>
      ) : (
        shown > 0 && <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('common.noMore')}</span>
      )}
    </Flex>
  )
}
