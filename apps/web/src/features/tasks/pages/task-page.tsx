// PLACEHOLDER: replaced by the helper that owns this feature.
export function TaskPage(_props: Record<string, unknown>) {
  return null;
}
