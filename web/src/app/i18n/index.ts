import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import i18next from 'i18next'
import type { Locale } from 'antd/es/locale'
import zhCNAntd from 'antd/es/locale/zh_CN'
import { initReactI18next } from 'react-i18next'
// Only the texts the sign-in page needs ship with it (Vite tree-shakes a JSON file's top-level
// keys); the rest of the console's texts load with the console (loadAllTexts, router.tsx).
import { app, common, errors, language, login } from './zh-CN.json'

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

// Chinese, the default, ships with the first page (its sign-in texts; loadAllTexts brings the
// rest); English, its texts and antd's, is fetched when someone picks it.
const antdLocales: Partial<Record<Language, Locale>> = { 'zh-CN': zhCNAntd }

/** antd's texts for a language loaded by loadLanguage (Chinese until then). */
export function antdLocale(language: Language): Locale {
  return antdLocales[language] ?? zhCNAntd
}

/** Fetches a language's texts (a no-op for Chinese and for one already loaded). */
export async function loadLanguage(language: Language): Promise<void> {
  if (antdLocales[language]) return
  const [texts, antd] = await Promise.all([import('./en.json'), import('antd/es/locale/en_US')])
  i18next.addResourceBundle(language, 'translation', texts.default)
  antdLocales[language] = antd.default
}

let allTexts: Promise<void> | undefined
/** Every Chinese text of the console; the router awaits it before showing any page but sign-in. */
export function loadAllTexts(): Promise<void> {
  // `?all` makes the whole file a module of its own, so that the entry keeps only the groups it
  // imports by name above: the same id would put every text into the first page's chunk.
  allTexts ??= import('./zh-CN.json?all').then(
    (texts) => {
      i18next.addResourceBundle('zh-CN', 'translation', texts.default, true, true)
    },
    (error: unknown) => {
      allTexts = undefined // a failed chunk (offline): the next navigation tries again
      throw error
    },
  )
  return allTexts
}

const initial = storedLanguage()
applyLanguage(initial)

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: { app, common, errors, language, login } } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
})

/** Resolves once the stored language's texts are in; main.tsx renders after it. */
export const languageReady: Promise<unknown> =
  initial === 'zh-CN'
    ? Promise.resolve()
    : loadLanguage(initial).then(
        () => i18next.changeLanguage(initial),
        () => applyLanguage('zh-CN'), // offline or a failed chunk: Chinese rather than nothing
      )

i18next.on('languageChanged', (language) => {
  if (isLanguage(language)) applyLanguage(language)
})

export { i18next }
