import {
  IconChecklist,
  IconFilter,
  IconHeartHandshake,
  IconTrendingUp,
  IconUserPlus,
  type Icon,
} from '@tabler/icons-react';

/**
 * The reports' sub-navigation, in order: each report adds one line (its path under /reports,
 * which is also its label key `tabs.<value>` in the `reports` texts).
 */
export const REPORT_TABS: readonly { value: string; icon: Icon }[] = [
  { value: 'crm', icon: IconChecklist },
  { value: 'funnel', icon: IconFilter },
  { value: 'sources', icon: IconUserPlus },
  { value: 'forecast', icon: IconTrendingUp },
  { value: 'retention', icon: IconHeartHandshake },
];
