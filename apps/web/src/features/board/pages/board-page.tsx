// PLACEHOLDER: replaced by the helper that owns this feature.
export function BoardPage(_props: Record<string, unknown>) {
  return null;
}
