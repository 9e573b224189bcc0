import { ConfigProvider } from 'antd'
import { type ReactNode, useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { theme } from '../theme'
import { antdLocale, isLanguage, type Language, loadLanguage, persistLanguage } from './index'
import { LanguageContext } from './language-context'

export function LanguageProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  const [language, setLanguageState] = useState<Language>(
    isLanguage(i18n.language) ? i18n.language : 'zh-CN',
  )

  const setLanguage = useCallback(
    (next: Language) => {
      // English is fetched on first use (i18n/index.ts); the switch takes effect once it is in.
      void loadLanguage(next).then(() => {
        persistLanguage(next)
        void i18n.changeLanguage(next)
        setLanguageState(next)
      })
    },
    [i18n],
  )

  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage])

  return (
    <LanguageContext value={value}>
      {/* Lists here are short (floors, roles, buildings); without virtual scrolling every
          option is a real, labelled role="option" for screen readers and tests. */}
      <ConfigProvider locale={antdLocale(language)} theme={theme} virtual={false}>
        {children}
      </ConfigProvider>
    </LanguageContext>
  )
}
