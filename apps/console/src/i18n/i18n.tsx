import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/*
 * 中文 by default, English on the switch (kept in localStorage). Each page keeps its own messages
 * (`defineMessages({ zh: {...}, en: {...} })`, the English keys checked against the Chinese ones by the
 * compiler) and reads them with `useMessages`.
 */

export type Language = 'zh' | 'en';

/** A page's messages in both languages; `{name}` in a text is filled from `t(key, { name })`. */
export function defineMessages<const M extends Record<string, string>>(messages: { zh: M; en: { [K in keyof M]: string } }): { zh: M; en: { [K in keyof M]: string } } {
  return messages;
}

interface LanguageState {
  readonly language: Language;
  setLanguage(language: Language): void;
}

const LanguageContext = createContext<LanguageState>({ language: 'zh', setLanguage: () => undefined });
const STORAGE_KEY = 'console.language';

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'));
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setState(next);
  }, []);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

/** The translate function of one page's messages, in the current language. */
export function useMessages<M extends Record<string, string>>(messages: { zh: M; en: { [K in keyof M]: string } }): (key: keyof M, params?: Record<string, string | number>) => string {
  const { language } = useLanguage();
  return useCallback(
    (key: keyof M, params?: Record<string, string | number>) => {
      const text = (messages[language] as Record<keyof M, string>)[key] ?? String(key);
      return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
    },
    [language, messages],
  );
}

/** A date-time in the office's zone (China Standard Time), in the current language's format. */
export function useDateTime(): (iso: string | null | undefined) => string {
  const { language } = useLanguage();
  return useCallback(
    (iso) => (iso ? new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(iso)) : '—'),
    [language],
  );
}
