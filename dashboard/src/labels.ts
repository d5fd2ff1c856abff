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

/** The subgraphs' families of figures. */
export const FAMILIES: Record<string, string> = {
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
  'actors.total': 'Aktörer',
  'actors.civilSociety': 'Civilsamhällesaktörer',
  'agreements.total': 'Överenskommelser',
  'agreements.active': 'Aktiva överenskommelser',
  'agreements.endingWithin90Days': 'Aktiva, löper ut inom 90 dagar',
  'activities.total': 'Aktiviteter',
  'situation.total': 'Lägesrapporter',
};

const words = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

export function figureLabel(id: string): string {
  if (FIGURE_LABELS[id]) return FIGURE_LABELS[id];
  const [family, ...rest] = id.split('.');
  return `${FAMILIES[family] ?? family}: ${rest.map(words).join(' – ')}`;
}

export const SUPPRESSED_TEXT = 'färre än 3 eller skyddat för att inte röja enskilda uppgifter';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
/** "2026-03" → "mar 2026". */
export const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
