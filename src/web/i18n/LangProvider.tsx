import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { App, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { LangContext, langStorageKey, loadLang, readStoredLang, type Lang } from './context';

dayjs.locale(readStoredLang());

const theme = {
  token: {
    colorPrimary: '#1d4e89',
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: { Menu: { itemSelectedBg: '#e6eef8', itemSelectedColor: '#1d4e89' } },
};

/** Holds the UI language, persists it, and sets antd's and dayjs's locale to match. */
export function LangProvider({ children }: { children: ReactNode }) {
  // Vietnamese until the stored language's texts are loaded.
  const [lang, setLangState] = useState<Lang>('vi');

  useEffect(() => {
    const stored = readStoredLang();
    if (stored !== 'vi') void loadLang(stored).then(() => setLangState(stored));
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo(
    () => ({
      lang,
      setLang: (next: Lang) => {
        try {
          localStorage.setItem(langStorageKey, next);
        } catch {
          // private mode: the choice lasts for this page only
        }
        void loadLang(next).then(() => {
          dayjs.locale(next);
          setLangState(next);
        });
      },
    }),
    [lang],
  );

  return (
    <LangContext.Provider value={value}>
      <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={theme}>
        <App>{children}</App>
      </ConfigProvider>
    </LangContext.Provider>
  );
}
