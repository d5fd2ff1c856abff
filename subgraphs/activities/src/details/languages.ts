const NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * The ISO 639-1 code for `code` (lower case; a deprecated code such as "iw" as its current "he"),
 * or null when it is not a two-letter language code.
 */
export function iso6391(code: string): string | null {
  const given = code.trim().toLowerCase();
  // Two letters as given: ICU would also turn ISO 639-2 codes ("swe") into their 639-1 ones.
  if (!/^[a-z]{2}$/.test(given)) return null;
  const [canonical] = Intl.getCanonicalLocales(given);
  return /^[a-z]{2}$/.test(canonical) && NAMES.of(canonical) !== undefined ? canonical : null;
}
