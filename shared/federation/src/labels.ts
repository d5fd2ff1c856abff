/**
 * The Swedish display label of every value of every enum in the federation's schema: the one source
 * the API's `labels` query, the HSDS export and the dashboard read (see labels.resolver.ts). Plain
 * data without imports, so that the dashboard's browser bundle can import this file as it is.
 *
 * Labels are capitalised, as shown on their own (a list, a table cell, a select option); put one
 * inside a sentence with `inSentence`. A test checks that every value of every enum in the composed
 * supergraph has a label here, so a new enum value needs its Swedish label before it is merged.
 */
export const SWEDISH_LABELS = {
  ActivityKind: {
    MBU_MEETING: 'MBU-möte (Människan bakom uniformen)',
    SAFETY_WALK: 'Trygghetsvandring',
    SPORT: 'Idrott',
    LEISURE: 'Fritid',
    CULTURE: 'Kultur',
    OPEN_MEETING_PLACE: 'Öppen mötesplats',
    PARENT_SUPPORT: 'Föräldrastöd',
    HOMEWORK_HELP: 'Läxhjälp',
    SAFETY_HOSTS: 'Trygghetsvärdar',
    CRISIS_SUPPORT: 'Krisstöd (POSOM)',
    DIALOGUE_MEETING: 'Dialogmöte',
    OUTREACH: 'Uppsökande verksamhet',
    EXIT_PROGRAMME: 'Avhopparverksamhet',
    SUMMER_JOBS: 'Sommarjobb',
    OTHER: 'Övrigt',
  },
  ActorKind: {
    POLICE: 'Polis',
    MUNICIPALITY: 'Kommun',
    REGION: 'Region',
    NATIONAL_AUTHORITY: 'Nationell myndighet eller organisation',
    CIVIL_SOCIETY: 'Civilsamhälle (förening, stiftelse)',
    FAITH_COMMUNITY: 'Trossamfund',
    BUSINESS: 'Företag',
    SCHOOL: 'Skola',
  },
  ActorOrder: { NAME: 'Namn', RELEVANCE: 'Relevans', DISTANCE: 'Avstånd' },
  AgeGroup: {
    AGES_0_5: '0–5 år',
    AGES_6_9: '6–9 år',
    AGES_10_12: '10–12 år',
    AGES_13_15: '13–15 år',
    AGES_16_18: '16–18 år',
    AGES_19_25: '19–25 år',
  },
  AgreementEnding: {
    WITHIN_30_DAYS: 'Löper ut inom 30 dagar',
    WITHIN_90_DAYS: 'Löper ut om 31–90 dagar',
    LATER: 'Löper ut senare',
    OPEN_ENDED: 'Tills vidare',
  },
  AgreementKind: {
    IOP: 'IOP (idéburet offentligt partnerskap)',
    DECLARATION_OF_INTENT: 'Avsiktsförklaring',
    COLLABORATION_AGREEMENT: 'Samverkansöverenskommelse',
    CITIZEN_PROMISE: 'Medborgarlöfte',
    NATIONAL_AGREEMENT: 'Nationell överenskommelse',
    METHOD_FRAMEWORK: 'Metodramverk (t.ex. Rätt kurva, SSPF)',
  },
  AgreementOrder: { TITLE: 'Titel', END_DATE: 'Slutdatum' },
  AgreementStatus: { DRAFT: 'Utkast', ACTIVE: 'Aktiv', ENDED: 'Avslutad', TERMINATED: 'Uppsagd' },
  AreaKind: {
    COUNTRY: 'Land',
    COUNTY: 'Län',
    MUNICIPALITY: 'Kommun',
    DISTRICT: 'Stadsdel eller område',
    NAMED_AREA: 'Namngivet område',
  },
  AreaScope: { WITHIN: 'Inom området', OVERLAPPING: 'Inom eller över området' },
  ChangeAction: { CREATED: 'Skapad', UPDATED: 'Ändrad', DELETED: 'Borttagen' },
  ContactChannelKind: { PHONE: 'Telefon', EMAIL: 'E-post', WEB: 'Webbplats eller webbformulär', SMS: 'Sms', OTHER: 'Annat sätt' },
  ContactHolderRole: { HOLDER: 'Innehavare', BACKUP: 'Ersättare' },
  FigureBasis: { PUBLIC_RECORDS: 'Offentliga uppgifter', ALL_RECORDS: 'Alla uppgifter' },
  ImportRowStatus: { VALID: 'Giltig', INVALID: 'Ogiltig', DUPLICATE: 'Dubblett' },
  InternalClassification: {
    NOT_CLASSIFIED: 'Ej klassificerad',
    UNIVERSAL_PREVENTION: 'Universell prevention',
    SELECTIVE_PREVENTION: 'Selektiv prevention',
    INDICATED_PREVENTION: 'Indikerad prevention',
    SITUATIONAL_PREVENTION: 'Situationell prevention',
    CRISIS_RESPONSE: 'Krisinsats',
  },
  LocalAreaKind: { DISTRICT: 'Stadsdel eller område', NAMED_AREA: 'Namngivet område' },
  ObservationCategory: {
    RECRUITMENT_TO_CRIME: 'Rekrytering till kriminalitet',
    VIOLENCE: 'Våld',
    DRUGS: 'Narkotika',
    PERCEIVED_SAFETY: 'Upplevd trygghet',
    YOUTH_GATHERINGS: 'Ungdomssamlingar',
    SCHOOL_ABSENCE: 'Skolfrånvaro',
    SOCIAL_MEDIA: 'Sociala medier',
    CONFLICTS: 'Konflikter',
    CRISIS: 'Kris',
    PROTECTIVE_FACTORS: 'Skyddsfaktorer',
    OTHER: 'Övrigt',
  },
  PartyRole: { FUNDING: 'Finansiär', ACCOUNTABLE: 'Ansvarig', EXTENDING: 'Förmedlande', IMPLEMENTING: 'Genomförande' },
  PolicePurpose: {
    RELATIONSHIP_BUILDING: 'Relationsskapande',
    SAFETY: 'Trygghet',
    DIALOGUE: 'Dialog',
    KNOWLEDGE_SHARING: 'Kunskapsutbyte',
    CRISIS_SUPPORT: 'Krisstöd',
  },
  Role: { MEMBER: 'Medlem', COORDINATOR: 'Samordnare', NATIONAL_COORDINATOR: 'Nationell samordnare', ADMINISTRATOR: 'Administratör' },
  ServiceCategory: {
    SPORT: 'Idrott och fysisk aktivitet',
    CULTURE: 'Kultur',
    OPEN_MEETING_PLACE: 'Öppna mötesplatser och fritidsgårdar',
    PARENT_SUPPORT: 'Föräldrastöd',
    OUTREACH: 'Uppsökande verksamhet och fältarbete',
    EXIT_PROGRAMME: 'Avhopparverksamhet',
    CRISIS_SUPPORT: 'Krisstöd',
    SAFETY_HOSTS: 'Trygghetsvärdar och vuxennärvaro',
    HOMEWORK_HELP: 'Läxhjälp',
    SUMMER_JOBS: 'Sommarjobb och feriejobb',
    MENTORING: 'Mentorskap och förebilder',
    VICTIM_SUPPORT: 'Brottsofferstöd',
    COUNSELLING: 'Samtalsstöd',
    OTHER: 'Övrigt',
  },
  ServiceOrder: { NAME: 'Namn', RELEVANCE: 'Relevans', DISTANCE: 'Avstånd' },
  SituationLevel: { NORMAL: 'Normal', ELEVATED: 'Förhöjd', HIGH: 'Hög', CRITICAL: 'Kritisk' },
  SupportNeed: {
    NPF_COMPETENCE: 'NPF-kompetens',
    LEADER_TRAINING: 'Stärkta ledare och handledning',
    FUNDING: 'Finansiering',
    PREMISES: 'Lokaler',
    INTERPRETERS: 'Tolkar och flerspråkig personal',
    SAFETY_ADVICE: 'Riskanalys och säkerhetsråd',
    OTHER: 'Övrigt',
  },
  TargetGroup: {
    CHILDREN: 'Barn',
    YOUNG_PEOPLE: 'Unga',
    PARENTS: 'Föräldrar och vårdnadshavare',
    RELATIVES: 'Anhöriga',
    RESIDENTS: 'Boende',
    LEADERS_AND_VOLUNTEERS: 'Ledare och ideella',
    PROFESSIONALS: 'Yrkesverksamma',
    PEOPLE_WITH_NPF: 'Barn och unga med NPF',
  },
  Trend: { IMPROVING: 'Förbättras', STABLE: 'Oförändrad', WORSENING: 'Försämras' },
  VenueUse: {
    MEETINGS: 'Möten',
    DIALOGUES: 'Dialoger',
    YOUTH_ACTIVITIES: 'Aktiviteter för barn och unga',
    SPORT: 'Idrott',
    CRISIS_SUPPORT: 'Krisstöd',
  },
  Visibility: { PUBLIC: 'Alla (offentlig)', NETWORK: 'Nätverket', SHARED: 'Delad med utvalda organisationer', OWNER: 'Endast ägaren' },
} as const satisfies Record<string, Record<string, string>>;

export type LabelledEnum = keyof typeof SWEDISH_LABELS;

/** Whether `name` is an enum with labels (for names that come from outside, e.g. a query's arguments). */
export const isLabelledEnum = (name: string): name is LabelledEnum => Object.prototype.hasOwnProperty.call(SWEDISH_LABELS, name);

/** A label inside a running Swedish sentence: "Barn" → "barn", but "NPF-kompetens" and "IOP (…)" stay as they are. */
export const inSentence = (label: string): string => (/^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label);
