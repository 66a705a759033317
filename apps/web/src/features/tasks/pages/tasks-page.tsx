// PLACEHOLDER: replaced by the helper that owns this feature.
export function TasksPage(_props: Record<string, unknown>) {
  return null;
}
