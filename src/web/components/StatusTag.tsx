import { Tag } from 'antd';
import { useT } from '../i18n/context';

/** Active / disabled tag for units and accounts. */
export function StatusTag({ disabled }: { disabled: boolean }) {
  const t = useT();
  return disabled ? (
    <Tag color="default">{t('common.disabled')}</Tag>
  ) : (
    <Tag color="green">{t('common.active')}</Tag>
  );
}
