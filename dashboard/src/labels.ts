/** The domain's words in Swedish, for the enums and figures the API answers in English names. */
export const ROLES: Record<string, string> = {
  MEMBER: 'Medlem',
  COORDINATOR: 'Samordnare',
  NATIONAL_COORDINATOR: 'Nationell samordnare',
  ADMINISTRATOR: 'Administratör',
};

export const AGREEMENT_KINDS: Record<string, string> = {
  IOP: 'IOP (idéburet offentligt partnerskap)',
  DECLARATION_OF_INTENT: 'Avsiktsförklaring',
  COLLABORATION_AGREEMENT: 'Samverkansöverenskommelse',
  CITIZEN_PROMISE: 'Medborgarlöfte',
  NATIONAL_AGREEMENT: 'Nationell överenskommelse',
  METHOD_FRAMEWORK: 'Metodramverk (t.ex. Rätt kurva, SSPF)',
};

export const SERVICE_CATEGORIES: Record<string, string> = {
  SPORT: 'Idrott',
  CULTURE: 'Kultur',
  OPEN_MEETING_PLACE: 'Öppna mötesplatser',
  PARENT_SUPPORT: 'Föräldrastöd',
  OUTREACH: 'Uppsökande verksamhet',
  EXIT_PROGRAMME: 'Avhopparverksamhet',
  CRISIS_SUPPORT: 'Krisstöd',
  SAFETY_HOSTS: 'Trygghetsvärdar och nattvandring',
  HOMEWORK_HELP: 'Läxhjälp',
  SUMMER_JOBS: 'Sommarjobb',
  MENTORING: 'Mentorskap',
  VICTIM_SUPPORT: 'Brottsofferstöd',
  COUNSELLING: 'Samtalsstöd',
  OTHER: 'Övrigt',
};

export const AGE_GROUPS: Record<string, string> = {
  AGES_0_5: '0–5 år',
  AGES_6_9: '6–9 år',
  AGES_10_12: '10–12 år',
  AGES_13_15: '13–15 år',
  AGES_16_18: '16–18 år',
  AGES_19_25: '19–25 år',
};

export const AREA_KINDS: Record<string, string> = {
  COUNTRY: 'Land',
  COUNTY: 'Län',
  MUNICIPALITY: 'Kommun',
  DISTRICT: 'Stadsdel/område',
  NAMED_AREA: 'Namngivet område',
};

export const ACTOR_KINDS: Record<string, string> = {
  POLICE: 'Polisen',
  MUNICIPALITY: 'Kommuner',
  REGION: 'Regioner',
  NATIONAL_AUTHORITY: 'Nationella myndigheter',
  CIVIL_SOCIETY: 'Civilsamhället',
  FAITH_COMMUNITY: 'Trossamfund',
  BUSINESS: 'Näringsliv',
  SCHOOL: 'Skolor',
};

export const SITUATION_LEVELS: Record<string, string> = {
  NORMAL: 'normal',
  ELEVATED: 'förhöjd',
  HIGH: 'hög',
  CRITICAL: 'kritisk',
};

export const AGREEMENT_STATUSES: Record<string, string> = {
  DRAFT: 'utkast',
  ACTIVE: 'aktiva',
  ENDED: 'avslutade',
  TERMINATED: 'uppsagda',
};

export const ACTIVITY_KINDS: Record<string, string> = {
  MBU_MEETING: 'MBU-möten',
  SAFETY_WALK: 'Trygghetsvandringar',
  SPORT: 'Idrott',
  LEISURE: 'Fritid',
  CULTURE: 'Kultur',
  OPEN_MEETING_PLACE: 'Öppna mötesplatser',
  PARENT_SUPPORT: 'Föräldrastöd',
  HOMEWORK_HELP: 'Läxhjälp',
  SAFETY_HOSTS: 'Trygghetsvärdar',
  CRISIS_SUPPORT: 'Krisstöd (POSOM)',
  DIALOGUE_MEETING: 'Dialogmöten',
  OUTREACH: 'Uppsökande verksamhet',
  EXIT_PROGRAMME: 'Avhopparverksamhet',
  SUMMER_JOBS: 'Sommarjobb',
  OTHER: 'Övrigt',
};

export const TARGET_GROUPS: Record<string, string> = {
  CHILDREN: 'barn',
  YOUNG_PEOPLE: 'unga',
  PARENTS: 'föräldrar',
  RELATIVES: 'anhöriga',
  RESIDENTS: 'boende',
  LEADERS_AND_VOLUNTEERS: 'ledare och volontärer',
  PROFESSIONALS: 'yrkesverksamma',
  PEOPLE_WITH_NPF: 'personer med NPF',
};

export const POLICE_PURPOSES: Record<string, string> = {
  RELATIONSHIP_BUILDING: 'relationsskapande',
  SAFETY: 'trygghet',
  DIALOGUE: 'dialog',
  KNOWLEDGE_SHARING: 'kunskapsutbyte',
  CRISIS_SUPPORT: 'krisstöd',
};

export const AGREEMENT_ENDINGS: Record<string, string> = {
  WITHIN_30_DAYS: 'löper ut inom 30 dagar',
  WITHIN_90_DAYS: 'löper ut om 31–90 dagar',
  LATER: 'löper ut senare',
  OPEN_ENDED: 'tills vidare',
};

export const TRENDS: Record<string, string> = {
  IMPROVING: 'Förbättras',
  STABLE: 'Oförändrad',
  WORSENING: 'Försämras',
};

/** The subgraphs' families of figures. */
export const FAMILIES: Record<string, string> = {
  registry: 'Aktörsregistret',
  actors: 'Aktörer',
  agreements: 'Överenskommelser',
  activities: 'Aktiviteter',
  situation: 'Lägesbild',
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
  'agreements.municipalitiesWithPoliceAndCivilSociety': 'Kommuner med överenskommelse polis–civilsamhälle',
  'agreements.total': 'Överenskommelser',
  'agreements.agreements': 'Överenskommelser',
  'agreements.active': 'Aktiva överenskommelser',
  'agreements.activeAgreements': 'Aktiva överenskommelser',
  'agreements.ending': 'Löper ut inom 90 dagar',
  'agreements.endingWithin90Days': 'Löper ut inom 90 dagar',
  'activities.total': 'Aktiviteter under månaden',
  'activities.activities': 'Aktiviteter under månaden',
};

/** Distributions: the name of the whole and the names of its values. */
const BREAKDOWNS: Record<string, { label: string; values: Record<string, string> }> = {
  'registry.actorsByKind': { label: 'Aktörer', values: ACTOR_KINDS },
  'registry.servicesByCategory': { label: 'Verksamheter', values: SERVICE_CATEGORIES },
  'situation.byLevel': { label: 'Lägesrapporter med nivå', values: SITUATION_LEVELS },
  'situation.latestByLevel': { label: 'Områden med aktuell nivå', values: SITUATION_LEVELS },
  'agreements.byKind': { label: 'Överenskommelser', values: AGREEMENT_KINDS },
  'agreements.activeByKind': { label: 'Aktiva överenskommelser', values: AGREEMENT_KINDS },
  'agreements.byStatus': { label: 'Överenskommelser under månaden', values: AGREEMENT_STATUSES },
  'agreements.activeByEnding': { label: 'Aktiva överenskommelser', values: AGREEMENT_ENDINGS },
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
