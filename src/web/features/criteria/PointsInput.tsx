import { useState } from 'react';
import { Input } from 'antd';
import { hundredthsToInput, parsePoints } from '../../../domain/points';

interface Props {
  value: number;
  onChange: (hundredths: number) => void;
  disabled?: boolean;
  'aria-label'?: string;
}

/** Points typed with a decimal comma ("8,5"); the value is integer hundredths, applied on blur. */
export function PointsInput({ value, onChange, disabled, ...rest }: Props) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? hundredthsToInput(value);
  const parsed = text === null ? value : parsePoints(text);
  return (
    <Input
      size="small"
      inputMode="decimal"
      style={{ width: 72, textAlign: 'right' }}
      status={parsed === null || parsed <= 0 ? 'error' : undefined}
      disabled={disabled}
      value={shown}
      aria-label={rest['aria-label']}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        if (parsed !== null && parsed > 0 && parsed !== value) onChange(parsed);
        if (parsed !== null && parsed > 0) setText(null);
      }}
    />
  );
}
