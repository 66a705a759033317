// PLACEHOLDER: replaced by the helper that owns this feature.
export function TaskTemplatesPage(_props: Record<string, unknown>) {
  return null;
}
