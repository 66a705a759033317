/** The feed's full address from the path the API answers with, for pasting into a calendar. */
export function feedAddress(path: string, origin: string): string {
  return new URL(path, origin).toString();
}

/** The same address for calendar apps that subscribe when a webcal:// link is opened. */
export const webcalAddress = (address: string) => address.replace(/^https?:\/\//, 'webcal://');
