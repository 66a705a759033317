import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Show archived (3)": archived entries stay on old contacts but can no longer be chosen. */
export function ArchivedToggle(props: {
  count: number;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Switch
      label={props.count > 0 ? t('archived.showCount', { count: props.count }) : t('archived.show')}
      checked={props.checked}
      onChange={(e) => props.onChange(e.currentTarget.checked)}
      data-testid="show-archived"
    />
  );
}
