import { createContext, useCallback, useContext } from 'react';
import { vi, type MessageKey } from './vi';

export type Lang = 'vi' | 'en';
export const langStorageKey = 'thidua.lang';

// The first download carries the core Vietnamese texts; the features' Vietnamese texts load with the first
// page that needs them, and English (every text) when chosen.
const dictionaries: Partial<Record<Lang, Partial<Record<MessageKey, string>>>> = { vi: { ...vi } };
let features: Promise<void> | undefined;

/** Loads a language's texts once: English whole, Vietnamese's feature texts (the core is always there). */
export async function loadLang(lang: Lang): Promise<void> {
  if (lang === 'en' && !dictionaries.en) dictionaries.en = (await import('./en')).en;
  await loadFeatureTexts();
}

/** The features' Vietnamese texts (the fallback of every language), once; a failed fetch is retried next time. */
export function loadFeatureTexts(): Promise<void> {
  features ??= import('./features.vi').then(
    (m) => void Object.assign(dictionaries.vi!, m.viFeatures),
    (error: unknown) => {
      features = undefined;
      throw error;
    },
  );
  return features;
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
  // A key whose texts are not loaded shows as itself rather than breaking the page.
  const text = dictionaries[lang]?.[key] ?? dictionaries.vi?.[key] ?? key;
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
