/** Which list of words a select's value comes from, by the field it belongs to. */
const OPTION_LISTS: Record<string, string> = {
  'contract.kind': 'contractKind',
  'contract.state': 'contractState',
  'member.membershipState': 'membershipState',
  'payment.method.kind': 'methodKind',
};

/** The translation key naming `value` of the select at `path` (`values.contractState.active`). */
export const optionLabelKey = (path: string, value: string) =>
  `values.${OPTION_LISTS[path] ?? 'other'}.${value}`;
