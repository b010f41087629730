import type { ReactNode } from 'react';
import { Drawer } from 'antd';
import type { TMe } from '../../shared/auth';
import { HeaderActions, HeaderIdentity } from './HeaderUser';

interface Props {
  me: TMe;
  open: boolean;
  onClose: () => void;
  menu: ReactNode;
}

/** A phone's menu: who is signed in, the pages, then language, change password and log out. */
export function MenuDrawer({ me, open, onClose, menu }: Props) {
  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="left"
      size={300}
      title={<HeaderIdentity me={me} />}
      className="app-drawer"
      data-testid="menu-drawer"
    >
      {menu}
      <div className="drawer-actions">
        <HeaderActions onDone={onClose} />
      </div>
    </Drawer>
  );
}
