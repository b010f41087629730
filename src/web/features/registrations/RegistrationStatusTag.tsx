import { Tag } from 'antd';
import type { TRegistration, TUnitRegistration } from '../../../shared/registrations';
import { useT } from '../../i18n/context';

type Status = NonNullable<TRegistration['status']> | TUnitRegistration['status'];
const colors: Record<Status, string> = {
  none: 'default',
  draft: 'default',
  submitted: 'blue',
  returned: 'red',
  accepted: 'green',
};

/** Chưa đăng ký / Nháp / Đã gửi / Trả lại / Đã nhận. */
export function RegistrationStatusTag({ status }: { status: Status }) {
  const t = useT();
  return (
    <Tag color={colors[status]} data-testid="reg-status">
      {t(`reg.status.${status}`)}
    </Tag>
  );
}
