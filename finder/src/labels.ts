import { inSentence, SWEDISH_LABELS } from '../../shared/federation/src/labels.ts';

/**
 * The Swedish words the finder shows for the API's enum values: the federation's one list
 * (shared/federation/src/labels.ts, also served by the API's `labels` query), bundled as the
 * dashboard does, so the page asks for no labels at run time.
 */
export const KINDS: Record<string, string> = SWEDISH_LABELS.ActivityKind;
export const SIGN_UP: Record<string, string> = SWEDISH_LABELS.SignUpMethod;
export const ACCESSIBILITY: Record<string, string> = SWEDISH_LABELS.AccessibilityFeature;
export const NPF: Record<string, string> = SWEDISH_LABELS.NpfAdaptation;
export const CHANNELS: Record<string, string> = SWEDISH_LABELS.ContactChannelKind;
export const WEEKDAYS: Record<string, string> = SWEDISH_LABELS.Weekday;
export { inSentence };

/**
 * The kinds a parent looks for first; the others (meetings for residents, crisis support and such)
 * follow under "Annat", so nothing the API offers is hidden.
 */
export const KINDS_FOR_CHILDREN = ['SPORT', 'CULTURE', 'LEISURE', 'OPEN_MEETING_PLACE', 'HOMEWORK_HELP', 'SUMMER_JOBS', 'PARENT_SUPPORT'];

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(['sv'], { type: 'language' });
  } catch {
    return undefined;
  }
})();
/** "ar" → "arabiska". */
export const languageName = (code: string) => languageNames?.of(code) ?? code;
