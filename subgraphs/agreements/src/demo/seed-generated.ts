import { DataSource } from 'typeorm';
import { DEMO_GENERATED_MARK, demoCalendar, demoGeneration, demoRandom, DemoCalendar, GeneratedActor, seededUuid } from '@samverkan/demo';
import { Visibility } from '@samverkan/federation';
import { AgreementKind, AgreementStatus, PartyRole } from '../agreement/agreement';
import { DemoAgreement, insertDemoAgreements } from './seed';
import { insertGeneratedResourcesAndPhases } from './seed-resources';

const { FUNDING, ACCOUNTABLE, IMPLEMENTING } = PartyRole;
const { PUBLIC, NETWORK, SHARED, OWNER } = Visibility;

const COLLABORATIONS = [
  'trygghetsvandringar och vuxennärvaro kvällstid',
  'kontaktvägar och lägesbild inför lov och helger',
  'idrott och fritid för unga som riskerar att dras in i kriminalitet',
  'föräldrastöd och dialog med föräldrar i området',
];
const IOPS = ['öppna mötesplatser för barn och unga', 'läxhjälp och mentorer', 'föräldrastöd och familjeverksamhet', 'lovaktiviteter och feriejobb'];

/**
 * The generated layer's agreements (see `demoGeneration` in `@samverkan/demo`): in each generated
 * municipality this year's citizen promise (medborgarlöfte) and often last year's, IOPs between the
 * municipality and associations, collaboration agreements between the local police area and civil
 * society, and here and there an SSPF framework; several in force, some running out within 90 days,
 * some ended, with every kind of visibility. Ids and choices come from the seed alone (never from the
 * calendar), so a restart on another day finds the same records.
 */
export function generatedAgreements(cal: DemoCalendar): DemoAgreement[] {
  const random = demoRandom('agreements');
  const generation = demoGeneration();
  const agreements: DemoAgreement[] = [];
  const statusOf = (endsOn: string | null) => (endsOn !== null && endsOn < cal.today ? AgreementStatus.ENDED : AgreementStatus.ACTIVE);
  /** A period: started 6–30 months ago; ending within 90 days (1 in 4), ended (1 in 5) or running 6–24 more months. */
  const period = (): [string, string] => {
    const started = cal.month(-(6 + random.int(25)), 1 + random.int(28));
    const scenario = random.next();
    const offset = random.int(1000);
    if (scenario < 0.25) return [started, cal.days(10 + (offset % 75))];
    if (scenario < 0.45) return [started, cal.monthEnd(-(1 + (offset % 5)))];
    return [started, cal.monthEnd(6 + (offset % 19))];
  };
  const add = (a: Omit<DemoAgreement, 'id' | 'status' | 'description'> & { description: string }) =>
    agreements.push({ id: seededUuid(random), ...a, status: statusOf(a.endsOn), description: `${DEMO_GENERATED_MARK}: ${a.description}` });
  const areaOf = (actors: GeneratedActor[], fallback: string) => {
    const codes = new Set(actors.flatMap((actor) => actor.areaCodes));
    return codes.size === 1 ? [...codes] : [fallback];
  };

  for (const m of generation.municipalities) {
    const [police] = generation.actorsIn(m.code, 'POLICE');
    const [municipality] = generation.actorsIn(m.code, 'MUNICIPALITY');
    const associations = generation.actorsIn(m.code, 'CIVIL_SOCIETY');
    const civil = generation.actorsIn(m.code, 'CIVIL_SOCIETY', 'FAITH_COMMUNITY');
    const schools = generation.actorsIn(m.code, 'SCHOOL');
    const withAssociation = random.chance(0.5) ? random.pick(associations) : undefined;

    // This year's citizen promise (public, as every citizen promise), and last year's in most places.
    add({
      title: `Medborgarlöfte ${m.name} ${cal.yearStart(0).slice(0, 4)}`,
      kind: AgreementKind.CITIZEN_PROMISE,
      startsOn: cal.yearStart(0),
      endsOn: cal.yearEnd(0),
      description: `genererat medborgarlöfte där polisen och ${m.name} kommun lovar invånarna mer vuxennärvaro och trygghetsvandringar.`,
      ownerId: police.id,
      visibility: PUBLIC,
      parties: [
        [police.id, ACCOUNTABLE, 'Står bakom löftet och följer upp det.'],
        [municipality.id, ACCOUNTABLE, 'Står bakom löftet och leder medborgardialogerna.'],
        ...(withAssociation ? [[withAssociation.id, IMPLEMENTING, 'Bidrar med vuxennärvaro kvällstid.'] as DemoAgreement['parties'][number]] : []),
      ],
      areas: [m.code],
    });
    if (random.chance(0.7)) {
      add({
        title: `Medborgarlöfte ${m.name} ${cal.yearStart(-1).slice(0, 4)}`,
        kind: AgreementKind.CITIZEN_PROMISE,
        startsOn: cal.yearStart(-1),
        endsOn: cal.yearEnd(-1),
        description: `genererat medborgarlöfte för förra året i ${m.name}.`,
        ownerId: police.id,
        visibility: PUBLIC,
        parties: [
          [police.id, ACCOUNTABLE, null],
          [municipality.id, ACCOUNTABLE, null],
        ],
        areas: [m.code],
      });
    }
    // IOPs between the municipality and associations.
    const iops = Math.min(associations.length - 1, Math.round(m.size / 50) + random.int(2));
    for (let i = 0; i < iops; i++) {
      const partners = [random.pick(associations), random.pick(associations)].filter((a, n, all) => all.indexOf(a) === n);
      const [startsOn, endsOn] = period();
      const what = random.pick(IOPS);
      add({
        title: `IOP ${what} i ${partners[0].place}`,
        kind: AgreementKind.IOP,
        startsOn,
        endsOn,
        description: `genererat idéburet offentligt partnerskap om ${what} mellan ${m.name} kommun och ${partners.map((p) => p.name).join(' och ')}.`,
        ownerId: municipality.id,
        visibility: random.weighted([[SHARED, 4], [OWNER, 2], [NETWORK, 3], [PUBLIC, 1]] as const),
        parties: [
          [municipality.id, FUNDING, 'Finansierar verksamheten under partnerskapets period.'],
          ...partners.map((p) => [p.id, IMPLEMENTING, 'Driver verksamheten.'] as DemoAgreement['parties'][number]),
        ],
        areas: areaOf(partners, m.code),
      });
    }
    // Collaboration agreements between the local police area and civil society.
    const collaborations = 1 + Math.floor(m.size / 45) + random.int(2);
    for (let i = 0; i < collaborations; i++) {
      const partner = random.pick(civil);
      const [startsOn, endsOn] = period();
      const what = random.pick(COLLABORATIONS);
      add({
        title: `Samverkan om ${what} – ${partner.place}`,
        kind: AgreementKind.COLLABORATION_AGREEMENT,
        startsOn,
        endsOn,
        description: `genererat samverkansavtal om ${what} mellan lokalpolisområdet och ${partner.name}.`,
        ownerId: police.id,
        visibility: random.weighted([[NETWORK, 4], [PUBLIC, 2], [SHARED, 2], [OWNER, 1]] as const),
        parties: [
          [police.id, ACCOUNTABLE, 'Deltar med områdespoliser och kommunpolis.'],
          [partner.id, IMPLEMENTING, 'Genomför verksamheten tillsammans med polisen.'],
        ],
        areas: areaOf([partner], m.code),
      });
    }
    // SSPF where the municipality is big enough.
    if (m.size >= 80 && random.chance(0.6)) {
      add({
        title: `SSPF ${m.name}`,
        kind: AgreementKind.METHOD_FRAMEWORK,
        startsOn: cal.month(-(12 + random.int(12))),
        endsOn: null,
        description: `genererad SSPF-samverkan mellan skola, socialtjänst, polis och fritid i ${m.name}.`,
        ownerId: municipality.id,
        visibility: NETWORK,
        parties: [
          [municipality.id, ACCOUNTABLE, 'Samordnar SSPF-gruppen.'],
          [police.id, IMPLEMENTING, null],
          ...schools.map((s) => [s.id, IMPLEMENTING, null] as DemoAgreement['parties'][number]),
        ],
        areas: [m.code],
      });
    }
  }
  return agreements;
}

/** Loads the generated layer's agreements (SEED_GENERATED_DEMO_DATA); those that exist already are left as they are. */
export async function seedGeneratedDemoData(dataSource: DataSource, calendar: DemoCalendar = demoCalendar()): Promise<void> {
  const agreements = generatedAgreements(calendar);
  await dataSource.transaction(async (manager) => {
    await insertDemoAgreements(manager, agreements, calendar);
    await insertGeneratedResourcesAndPhases(manager, agreements, calendar);
  });
}
