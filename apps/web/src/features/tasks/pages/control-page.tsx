// PLACEHOLDER: replaced by the helper that owns this feature.
export function ControlPage(_props: Record<string, unknown>) {
  return null;
}
