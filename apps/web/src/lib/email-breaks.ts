/**
 * An email address cut where a reader expects a line to break: before the "@" and before each
 * dot ("anna.lindqvist@exempel.se" → "anna", ".lindqvist", "@exempel", ".se"). Shown with a
 * <wbr> between the pieces, a long address wraps at those points instead of mid-word.
 */
export function emailBreaks(email: string): string[] {
  return email.split(/(?=[@.])/u).filter((piece) => piece !== '');
}
