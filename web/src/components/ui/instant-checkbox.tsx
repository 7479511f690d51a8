import { type InputHTMLAttributes, useEffect, useState } from 'react';

/**
 * A checkbox for a value the server keeps: it flips as soon as it is used, and follows the server's value when that
 * changes (its answer confirms or restores it). A plainly controlled input would flip back until the cache caught up.
 */
export function InstantCheckbox({ checked, onChange, ...rest }: { checked: boolean; onChange: (checked: boolean) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'checked' | 'onChange' | 'type'>) {
  const [value, setValue] = useState(checked);
  useEffect(() => setValue(checked), [checked]);
  return (
    <input
      type="checkbox"
      checked={value}
      onChange={(e) => {
        setValue(e.target.checked);
        onChange(e.target.checked);
      }}
      {...rest}
    />
  );
}
