import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import fi from '../../../shared/i18n/fi.json';
import sv from '../../../shared/i18n/sv.json';
import en from '../../../shared/i18n/en.json';
import type { Language } from '../api/types';

const STORAGE_KEY = 'elo.language';

export function isLanguage(v: unknown): v is Language {
  return v === 'fi' || v === 'sv' || v === 'en';
}

/** The language chosen while signed out (remembered in localStorage), else Finnish. */
export function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(v)) return v;
  } catch {
    // storage blocked: fall through
  }
  return 'fi';
}

export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fi';
}

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'fi',
  supportedLngs: ['fi', 'sv', 'en'],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export default i18n;
