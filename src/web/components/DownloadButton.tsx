import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from 'antd';
import { downloadFile } from '../api/client';
import { useShowError } from './useShowError';

type Props = Omit<ButtonProps, 'href' | 'onClick' | 'loading'> & {
  href: string;
  /** What the button says while the server makes the file ("Đang tạo PDF…"). */
  busyText: ReactNode;
};

/**
 * A download that shows progress: the file is fetched, the button spins meanwhile, and an error (the server
 * busy, no right) is shown as a message instead of a raw JSON page. The link stays a real link
 * (open in a new tab, copy address).
 */
export function DownloadButton({ href, busyText, children, ...rest }: Props) {
  const [busy, setBusy] = useState(false);
  const showError = useShowError();
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(href);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      {...rest}
      href={href}
      loading={busy}
      aria-busy={busy}
      onClick={(e) => {
        e.preventDefault();
        if (!busy) void download();
      }}
    >
      {busy ? busyText : children}
    </Button>
  );
}
