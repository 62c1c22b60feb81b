import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../contract';
import { en } from './locales/en';
import { id } from './locales/id';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
    returnNull: false;
  }
}

const storageKey = 'sebaya.language';

/** The language chosen on this computer, else the OS language (Indonesian for any `id` locale). */
export function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(storageKey);
  if (stored === 'id' || stored === 'en') return stored;
  const os = globalThis.navigator?.language ?? 'id';
  return os.toLowerCase().startsWith('en') ? 'en' : 'id';
}

export async function setupI18n(language: Language = initialLanguage()) {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, id: { translation: id } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

/** Switches every visible string at once and remembers the choice on this computer. */
export async function changeLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem(storageKey, language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

let chosenBeforeSignIn: Language | null = null;

/** A language picked on the unlock or sign-in screen: it stands after sign-in, over the account's saved one. */
export async function chooseLanguageBeforeSignIn(language: Language): Promise<void> {
  chosenBeforeSignIn = language;
  await changeLanguage(language);
}

/** The language picked before this sign-in, once; null when nobody picked one. */
export function takeLanguageChosenBeforeSignIn(): Language | null {
  const chosen = chosenBeforeSignIn;
  chosenBeforeSignIn = null;
  return chosen;
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'id';
}
