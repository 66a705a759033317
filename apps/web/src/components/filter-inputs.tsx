import { MultiSelect, TextInput, type MultiSelectProps, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

/**
 * The search box of a filter bar whose filters live in the URL: what is typed shows at once,
 * reaches `onSearch` once typing pauses for `delay` ms, and follows the URL's `value` when
 * that changes otherwise (back/forward, "Clear filters").
 */
export function useDebouncedSearch(
  value: string | undefined,
  onSearch: (text: string) => void,
  delay: number,
) {
  const [text, setText] = useState(value ?? '');
  const commit = useDebouncedCallback(onSearch, delay);
  useEffect(() => {
    if (!commit.isPending()) setText(value ?? '');
  }, [value, commit]);
  return {
    text,
    change: (next: string) => {
      setText(next);
      commit(next);
    },
    /** Empties the box, dropping what was typed but not yet searched for. */
    clear: () => {
      commit.cancel();
      setText('');
    },
  };
}

export type DebouncedSearch = ReturnType<typeof useDebouncedSearch>;

/** A search box with a magnifier, driven by `useDebouncedSearch`. */
export function SearchInput({
  search,
  label,
  testId,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange' | 'label'> & {
  search: DebouncedSearch;
  /** Said to screen readers; the placeholder shows instead of a visible label. */
  label: string;
  testId: string;
}) {
  return (
    <TextInput
      leftSection={<IconSearch size={16} />}
      aria-label={label}
      {...props}
      value={search.text}
      onChange={(e) => search.change(e.currentTarget.value)}
      data-testid={testId}
    />
  );
}

/** A filter's choices: archived entries only while the filter still uses them. */
export const filterOptions = (
  items: readonly { id: string; name: string; archived?: boolean }[],
  chosen: readonly string[] | undefined,
) =>
  items
    .filter((i) => !i.archived || chosen?.includes(i.id))
    .map((i) => ({ value: i.id, label: i.name }));

/**
 * A multi-choice filter named by `label`. The placeholder names it only while it is empty, and
 * the typing field may be narrow: otherwise one chosen value pushes it onto a second line, and
 * that filter stands taller than the others.
 */
export function FilterMultiSelect({
  label,
  value,
  testId,
  ...props
}: Omit<MultiSelectProps, 'value' | 'label' | 'placeholder'> & {
  label: string;
  value: string[] | undefined;
  testId: string;
}) {
  return (
    <MultiSelect
      aria-label={label}
      placeholder={value && value.length > 0 ? undefined : label}
      clearable
      styles={{ inputField: { minWidth: 48 } }}
      {...props}
      value={value ?? []}
      data-testid={testId}
    />
  );
}
