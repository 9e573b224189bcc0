import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import zhCN from './zh-CN.json'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'atrium.language'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return isLanguage(value) ? value : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

function applyLanguage(language: Language): void {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en')
  document.documentElement.lang = language
}

export function persistLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyLanguage(language)
}

const initial = storedLanguage()
applyLanguage(initial)

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
})

i18next.on('languageChanged', (language) => {
  if (isLanguage(language)) applyLanguage(language)
})

export { i18next }
