import { GlobalOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLanguage } from './language-context'

// Two languages: the switch names the other one, in that language, so a reader
// lost in the wrong language still finds theirs.
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t } = useTranslation()
  const { language, setLanguage } = useLanguage()
  const next = language === 'zh-CN' ? 'en' : 'zh-CN'
  return (
    <Button
      type={type}
      icon={<GlobalOutlined />}
      lang={next}
      title={t('language.switch')}
      onClick={() => setLanguage(next)}
    >
      {next === 'en' ? 'English' : '中文'}
    </Button>
  )
}
