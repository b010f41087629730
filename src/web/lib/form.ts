/** Empty or blank text from a form becomes null, so the server stores "no value". */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
