import { assertNoPersonalIdentityNumbers } from '@samverkan/federation';

interface AgreementTexts {
  title?: string | null;
  description?: string | null;
  sections?: ReadonlyArray<{ heading: string; body: string }> | null;
  /** Further free text with the field that holds it, e.g. each party's responsibilities. */
  more?: Array<{ field: string; text: string | null | undefined }>;
}

/**
 * Agreements and templates are about organisations, never individuals: their free text (title,
 * description, sections, responsibilities…) may not hold a personal identity number (BAD_USER_INPUT
 * naming the field, nothing written).
 */
export function assertNoIdentityNumbersInAgreement({ title, description, sections, more = [] }: AgreementTexts): void {
  assertNoPersonalIdentityNumbers([
    { field: 'title', text: title },
    { field: 'description', text: description },
    ...(sections ?? []).flatMap(({ heading, body }, i) => [
      { field: `sections[${i}].heading`, text: heading },
      { field: `sections[${i}].body`, text: body },
    ]),
    ...more,
  ]);
}
