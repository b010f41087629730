import { Segmented } from 'antd';
import { useLang, useT, type Lang } from '../i18n/context';
import './lang-switch.css';

/** VI | EN switch, shown in the header and on the login page. */
export function LangSwitch() {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <Segmented<Lang>
      data-testid="lang-switch"
      className="lang-switch"
      aria-label={t('common.language')}
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: 'VI', value: 'vi', title: 'Tiếng Việt' },
        { label: 'EN', value: 'en', title: 'English' },
      ]}
    />
  );
}
