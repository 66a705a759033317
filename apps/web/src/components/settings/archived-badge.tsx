import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ArchivedBadge(props: { archived: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={props.archived ? 'gray' : 'teal'}>
      {t(props.archived ? 'archived.stateArchived' : 'archived.stateActive')}
    </Badge>
  );
}
