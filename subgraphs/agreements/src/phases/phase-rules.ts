import { assertPeriod, assertNoPersonalIdentityNumbers } from '@samverkan/federation';
import { badInput } from '@samverkan/platform';
import { AgreementPhase } from './agreement-phase';
import { AgreementPhaseInput, MAX_PHASE_DOCUMENTS, MAX_PHASE_PARTICIPANTS, MAX_PHASES } from './phase.types';

/** Only web links: no javascript:, file: or data: URLs reach a reader's browser. */
function isWebLink(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * The phases as they will be stored: BAD_USER_INPUT naming the first phase and field at fault
 * (`phases[1].documents[0].url`). Participants are checked against the registry by the caller.
 * Phases are not held to the agreement's period (a needs analysis comes before the agreement).
 */
export function phaseRows(inputs: AgreementPhaseInput[], agreementId: string): Array<Omit<AgreementPhase, 'id'>> {
  if (inputs.length > MAX_PHASES) throw badInput(`An agreement holds at most ${MAX_PHASES} phases`, [{ field: 'phases', message: `at most ${MAX_PHASES}` }]);
  return inputs.map((input, position) => {
    const at = `phases[${position}]`;
    const refuse = (field: string, message: string): never => {
      throw badInput(`${at}.${field}: ${message}`, [{ field: `${at}.${field}`, message }]);
    };
    assertPeriod(input.startsOn, input.endsOn, { start: `${at}.startsOn`, end: `${at}.endsOn` });
    assertNoPersonalIdentityNumbers([
      { field: `${at}.description`, text: input.description },
      { field: `${at}.outcomes`, text: input.outcomes },
      ...(input.documents ?? []).map(({ title }, i) => ({ field: `${at}.documents[${i}].title`, text: title })),
    ]);
    const participantIds = [...new Set((input.participantIds ?? []).map((id) => id.toLowerCase()))];
    if (participantIds.length > MAX_PHASE_PARTICIPANTS) refuse('participantIds', `at most ${MAX_PHASE_PARTICIPANTS}`);
    const documents = input.documents ?? [];
    if (documents.length > MAX_PHASE_DOCUMENTS) refuse('documents', `at most ${MAX_PHASE_DOCUMENTS}`);
    documents.forEach(({ url }, i) => isWebLink(url) || refuse(`documents[${i}].url`, 'an http or https URL'));
    return {
      agreementId,
      kind: input.kind,
      description: input.description ?? null,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      participantIds,
      outcomes: input.outcomes ?? null,
      documents: documents.map(({ title, url }) => ({ title, url })),
      position,
    };
  });
}
