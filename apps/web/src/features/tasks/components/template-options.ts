import { TASK_TYPES, type TaskTemplate } from '@spotter/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Templates for a Select, grouped under their type ("Personal call", "Internal task" …). */
export function useTemplateOptions(templates: TaskTemplate[]) {
  const { t } = useTranslation('tasks');
  return useMemo(
    () =>
      TASK_TYPES.map((type) => ({
        group: t(`types.${type}`),
        items: templates
          .filter((tpl) => tpl.type === type)
          .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
          .map((tpl) => ({ value: tpl.id, label: tpl.name })),
      })).filter((g) => g.items.length > 0),
    [templates, t],
  );
}
