import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales, type ApiError } from '../../src-main/contract/index';
import { localeTrees } from './resources';

export type AppLocale = (typeof locales)[number];
const storageKey = 'commonground.locale';

function initialLocale(): AppLocale {
  const saved = localStorage.getItem(storageKey);
  if (saved && (locales as readonly string[]).includes(saved)) return saved as AppLocale;
  const preferred = navigator.language.slice(0, 2);
  return (locales as readonly string[]).includes(preferred) ? (preferred as AppLocale) : 'en';
}

export async function setupI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: Object.fromEntries(
      Object.entries(localeTrees()).map(([locale, tree]) => [locale, { translation: tree }]),
    ),
    lng: initialLocale(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDirection(i18next.language);
}

/** Arabic lays the whole app out right to left; the CSS uses logical properties, so it mirrors. */
function applyDirection(locale: string): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = i18next.dir(locale);
}

export async function changeLocale(locale: AppLocale): Promise<void> {
  localStorage.setItem(storageKey, locale);
  await i18next.changeLanguage(locale);
  applyDirection(locale);
}

/** An API error in the person's language; invalid input keeps the field-level detail. */
export function describeError(error: ApiError): string {
  const detail = error.issues?.map((issue) => `${issue.path}: ${issue.message}`).join('; ') ?? error.message;
  return i18next.t(`errors.${error.code}`, { detail });
}

export { i18next };
