import { createContext, useCallback, useContext } from 'react';
import { vi, type MessageKey } from './vi';

export type Lang = 'vi' | 'en';
export const langStorageKey = 'thidua.lang';

// English is loaded when chosen (a smaller first download for the default Vietnamese).
const dictionaries: Partial<Record<Lang, Record<MessageKey, string>>> = { vi };

/** Loads a language's texts once (Vietnamese is always there). */
export async function loadLang(lang: Lang): Promise<void> {
  if (lang === 'en' && !dictionaries.en) dictionaries.en = (await import('./en')).en;
}

/** Reads the saved language; Vietnamese unless English was chosen. */
export function readStoredLang(): Lang {
  try {
    return localStorage.getItem(langStorageKey) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export const LangContext = createContext<LangState>({ lang: 'vi', setLang: () => undefined });

/** The current language and its setter. */
export function useLang(): LangState {
  return useContext(LangContext);
}

export type TFunction = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Translates a key in the current language, filling {placeholders} from params. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = (dictionaries[lang] ?? vi)[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The translate function for the current language. */
export function useT(): TFunction {
  const { lang } = useLang();
  return useCallback<TFunction>((key, params) => translate(lang, key, params), [lang]);
}

export type { MessageKey };
