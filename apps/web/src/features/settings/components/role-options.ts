import { ROLES } from '@spotter/contracts';
import type { TFunction } from 'i18next';

export const roleOptions = (t: TFunction) =>
  ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }));
