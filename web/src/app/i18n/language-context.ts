import { createContext, use } from 'react'
import type { Language } from './index'

export type LanguageState = { language: Language; setLanguage: (language: Language) => void }

export const LanguageContext = createContext<LanguageState | null>(null)

export function useLanguage(): LanguageState {
  const value = use(LanguageContext)
  if (!value) throw new Error('useLanguage outside LanguageProvider')
  return value
}
