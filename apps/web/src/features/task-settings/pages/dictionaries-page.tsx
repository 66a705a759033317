// PLACEHOLDER: replaced by the helper that owns this feature.
export function DictionariesPage(_props: Record<string, unknown>) {
  return null;
}
