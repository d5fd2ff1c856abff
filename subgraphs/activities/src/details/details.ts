import { badInput, FieldProblem, trimmedOrNull } from '@samverkan/platform';
import { ActivityCostInput, ActivitySignUpInput, MAX_LANGUAGES } from './details.inputs';
import { ActivityCost, ActivitySignUp, SignUpMethod } from './details.types';
import { iso6391 } from './languages';

/** The detail columns of an activity: cost and sign-up (languages and adaptations are plain arrays). */
export interface DetailColumns {
  costFree: boolean | null;
  costSek: number | null;
  costFritidskortet: boolean;
  costNote: string | null;
  signUpMethod: SignUpMethod | null;
  signUpUrl: string | null;
  signUpNote: string | null;
}


/** The cost columns an input sets; null clears the cost. */
export function costColumns(cost: ActivityCostInput | null): Pick<DetailColumns, 'costFree' | 'costSek' | 'costFritidskortet' | 'costNote'> {
  if (cost?.free && cost.amountSek != null) throw badInput('A free activity has no price', [{ field: 'cost.amountSek', message: 'not together with free' }]);
  return { costFree: cost?.free ?? null, costSek: cost?.amountSek ?? null, costFritidskortet: cost?.fritidskortetAccepted ?? false, costNote: trimmedOrNull(cost?.note) };
}

/** The sign-up columns an input sets; null clears them. A link needs its address, and only a link has one. */
export function signUpColumns(signUp: ActivitySignUpInput | null): Pick<DetailColumns, 'signUpMethod' | 'signUpUrl' | 'signUpNote'> {
  const url = trimmedOrNull(signUp?.url);
  if (signUp?.method === SignUpMethod.LINK && !url) throw badInput('Sign-up by LINK needs its url', [{ field: 'signUp.url', message: 'required for LINK' }]);
  if (signUp && signUp.method !== SignUpMethod.LINK && url) throw badInput('Only sign-up by LINK has a url', [{ field: 'signUp.url', message: 'only for LINK' }]);
  return { signUpMethod: signUp?.method ?? null, signUpUrl: url, signUpNote: trimmedOrNull(signUp?.note) };
}

/** Languages as ISO 639-1 codes, each once, in the order given; refuses what is not one. */
export function languageCodes(languages: string[] | null): string[] {
  const codes = (languages ?? []).map((code) => [code, iso6391(code)] as const);
  const wrong: FieldProblem[] = codes.filter(([, code]) => code === null).map(([given]) => ({ field: 'languages', message: `${given} is not an ISO 639-1 language code` }));
  if (wrong.length) throw badInput(`Not ISO 639-1 language codes: ${wrong.map((w) => w.message.split(' ')[0]).join(', ')}`, wrong);
  const unique = [...new Set(codes.map(([, code]) => code!))];
  if (unique.length > MAX_LANGUAGES) throw badInput(`At most ${MAX_LANGUAGES} languages`, [{ field: 'languages', message: `at most ${MAX_LANGUAGES}` }]);
  return unique;
}

export const costOf = (a: DetailColumns): ActivityCost | null =>
  a.costFree === null ? null : { free: a.costFree, amountSek: a.costSek, fritidskortetAccepted: a.costFritidskortet, note: a.costNote };

export const signUpOf = (a: DetailColumns): ActivitySignUp | null => (a.signUpMethod === null ? null : { method: a.signUpMethod, url: a.signUpUrl, note: a.signUpNote });
