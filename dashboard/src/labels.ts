import { SWEDISH_LABELS } from '../../shared/federation/src/labels.ts';

/**
 * The domain's words in Swedish, for the enums and figures the API answers in English names. Enum
 * values are labelled by the federation's one list (shared/federation/src/labels.ts, also served by
 * the API's `labels` query); the figures' names are the dashboard's own.
 */
export const ROLES: Record<string, string> = SWEDISH_LABELS.Role;
export const AGREEMENT_KINDS: Record<string, string> = SWEDISH_LABELS.AgreementKind;
export const SERVICE_CATEGORIES: Record<string, string> = SWEDISH_LABELS.ServiceCategory;
export const AGE_GROUPS: Record<string, string> = SWEDISH_LABELS.AgeGroup;
export const AREA_KINDS: Record<string, string> = SWEDISH_LABELS.AreaKind;
export const INCIDENT_KINDS: Record<string, string> = SWEDISH_LABELS.IncidentKind;
export const INCIDENT_SEVERITIES: Record<string, string> = SWEDISH_LABELS.IncidentSeverity;
export const INCIDENT_STATUSES: Record<string, string> = SWEDISH_LABELS.IncidentStatus;
export const ROSTER_GAP_KINDS: Record<string, string> = SWEDISH_LABELS.RosterGapKind;
const ACTOR_KINDS: Record<string, string> = SWEDISH_LABELS.ActorKind;
const SITUATION_LEVELS: Record<string, string> = SWEDISH_LABELS.SituationLevel;
const AGREEMENT_STATUSES: Record<string, string> = SWEDISH_LABELS.AgreementStatus;
const ACTIVITY_KINDS: Record<string, string> = SWEDISH_LABELS.ActivityKind;
const TARGET_GROUPS: Record<string, string> = SWEDISH_LABELS.TargetGroup;
const POLICE_PURPOSES: Record<string, string> = SWEDISH_LABELS.PolicePurpose;
const AGREEMENT_ENDINGS: Record<string, string> = SWEDISH_LABELS.AgreementEnding;
const TRENDS: Record<string, string> = SWEDISH_LABELS.Trend;
const RESOURCE_KINDS: Record<string, string> = SWEDISH_LABELS.ResourceKind;

/** The subgraphs' families of figures. */
export const FAMILIES: Record<string, string> = {
  registry: 'Aktörsregistret',
  actors: 'Aktörer',
  agreements: 'Överenskommelser',
  activities: 'Aktiviteter',
  situation: 'Lägesbild',
  concerns: 'Oro för barn',
};

/**
 * Swedish names of the figures (paths below `Figures`). A figure the API offers that is not named
 * here is shown with its family and field name, so a new figure is never hidden.
 */
export const FIGURE_LABELS: Record<string, string> = {
  'registry.actors': 'Aktörer',
  'registry.services': 'Verksamheter',
  'registry.contactFunctions': 'Kontaktfunktioner',
  'registry.onePersonDependencies': 'Kontaktfunktioner som hänger på en person',
  'situation.reports': 'Lägesrapporter under månaden',
  'situation.reportedAreas': 'Områden med lägesbild',
  'situation.trend': 'Lägesbildens riktning',
  'situation.incidents': 'Händelser under månaden',
  'situation.lateActivations': 'Händelser där krislistan inte nåddes i tid',
  'agreements.municipalitiesWithPoliceAndCivilSociety': 'Kommuner med överenskommelse polis–civilsamhälle',
  'agreements.total': 'Överenskommelser',
  'agreements.agreements': 'Överenskommelser',
  'agreements.active': 'Aktiva överenskommelser',
  'agreements.activeAgreements': 'Aktiva överenskommelser',
  'agreements.ending': 'Löper ut inom 90 dagar',
  'agreements.endingWithin90Days': 'Löper ut inom 90 dagar',
  'agreements.resources.withResources': 'Aktiva överenskommelser med resurser',
  'agreements.resources.money.agreements': 'Aktiva överenskommelser med pengar (kronor)',
  'agreements.resources.staffHours.agreements': 'Aktiva överenskommelser med arbetstid',
  'agreements.needsAnalysis.withNeedsAnalysis': 'Aktiva överenskommelser med behovsanalys',
  'agreements.needsAnalysis.civilSocietyIncluded': 'Behovsanalyser där civilsamhället deltog',
  'activities.total': 'Aktiviteter under månaden',
  'activities.activities': 'Aktiviteter under månaden',
  'concerns.registered': 'Oro anmäld',
  'concerns.answeredInTime': 'Besvarade inom 24 timmar',
  'concerns.medianMinutesToFirstContact': 'Mediantid till första kontakt (min)',
};

/** Distributions: the name of the whole and the names of its values. */
const BREAKDOWNS: Record<string, { label: string; values: Record<string, string> }> = {
  'registry.actorsByKind': { label: 'Aktörer', values: ACTOR_KINDS },
  'registry.servicesByCategory': { label: 'Verksamheter', values: SERVICE_CATEGORIES },
  'situation.byLevel': { label: 'Lägesrapporter med nivå', values: SITUATION_LEVELS },
  'situation.latestByLevel': { label: 'Områden med aktuell nivå', values: SITUATION_LEVELS },
  'situation.incidentsByKind': { label: 'Händelser', values: INCIDENT_KINDS },
  'agreements.byKind': { label: 'Överenskommelser', values: AGREEMENT_KINDS },
  'agreements.activeByKind': { label: 'Aktiva överenskommelser', values: AGREEMENT_KINDS },
  'agreements.byStatus': { label: 'Överenskommelser under månaden', values: AGREEMENT_STATUSES },
  'agreements.activeByEnding': { label: 'Aktiva överenskommelser', values: AGREEMENT_ENDINGS },
  'agreements.resources.byKind': { label: 'Aktiva överenskommelser med resurser av slaget', values: RESOURCE_KINDS },
  'activities.byKind': { label: 'Aktiviteter', values: ACTIVITY_KINDS },
  'activities.byTargetGroup': { label: 'Aktiviteter för', values: TARGET_GROUPS },
  'activities.byPolicePurpose': { label: 'Aktiviteter där polisen deltar för', values: POLICE_PURPOSES },
};

const words = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

export function figureLabel(id: string): string {
  if (FIGURE_LABELS[id]) return FIGURE_LABELS[id];
  const parts = id.split('.');
  const whole = BREAKDOWNS[parts.slice(0, -1).join('.')];
  if (whole) return `${whole.label}: ${whole.values[parts[parts.length - 1]] ?? parts[parts.length - 1]}`;
  const [family, ...rest] = parts;
  return `${FAMILIES[family] ?? family}: ${rest.map(words).join(' – ')}`;
}

/** A distribution's title and one value's name, e.g. ("Aktiva överenskommelser", "IOP (idéburet offentligt partnerskap)"). */
export function breakdownLabels(groupId: string, value: string): { title: string; value: string } {
  const whole = BREAKDOWNS[groupId];
  if (whole) return { title: whole.label, value: whole.values[value] ?? value };
  const [family, ...rest] = groupId.split('.');
  return { title: `${FAMILIES[family] ?? family}: ${rest.map(words).join(' – ')}`, value };
}

export function enumLabel(figureId: string, value: string): string {
  if (figureId.endsWith('.trend')) return TRENDS[value] ?? value;
  return value;
}

export const SUPPRESSED_TEXT = 'färre än 3 eller skyddat för att inte röja enskilda uppgifter';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
/** "2026-03" → "mar 2026". */
export const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
