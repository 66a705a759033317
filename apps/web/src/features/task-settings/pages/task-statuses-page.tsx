// PLACEHOLDER: replaced by the helper that owns this feature.
export function TaskStatusesPage(_props: Record<string, unknown>) {
  return null;
}
