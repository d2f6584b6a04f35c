/**
 * A search box whose applied query lives elsewhere (the address): it shows that query, lets the user
 * type freely, and applies on Enter or the button. It keeps the focus across searches.
 */
import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { useT } from '../../../i18n/LocaleContext';

export function SearchBox({
  applied,
  label,
  placeholder,
  width,
  onSearch,
}: {
  applied: string;
  label: string;
  placeholder: string;
  width: number;
  onSearch(query: string): void;
}) {
  const t = useT();
  const [text, setText] = useState(applied);
  // Back, forward or a link changed the query: show it.
  useEffect(() => setText(applied), [applied]);
  return (
    <Input.Search
      aria-label={label}
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      allowClear
      enterButton={t('common.search')}
      onSearch={(q) => onSearch(q.trim())}
      style={{ width }}
    />
  );
}
