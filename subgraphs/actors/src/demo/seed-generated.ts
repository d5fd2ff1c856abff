import { DataSource } from 'typeorm';
import { DEMO_GENERATED_MARK, demoCalendar, demoGeneration, demoRandom, DemoCalendar, insertNew, seededUuid } from '@samverkan/demo';
import { TargetGroup } from '@samverkan/federation';
import { Actor, ActorArea, ActorKind } from '../registry/actor';
import { Area, AreaKind } from '../areas/area';
import { Service, ServiceArea, ServiceCategory } from '../services/service';

const { CHILDREN, YOUNG_PEOPLE, PARENTS, RESIDENTS, PEOPLE_WITH_NPF } = TargetGroup;

/** What generated actors offer, by kind: category, name, target groups, ages. */
const OFFERS: Partial<Record<ActorKind, Array<[ServiceCategory, string, TargetGroup[], [number | null, number | null]]>>> = {
  [ActorKind.CIVIL_SOCIETY]: [
    [ServiceCategory.SPORT, 'Kvällsidrott', [CHILDREN, YOUNG_PEOPLE], [8, 18]],
    [ServiceCategory.HOMEWORK_HELP, 'Läxhjälp', [CHILDREN, YOUNG_PEOPLE, PEOPLE_WITH_NPF], [10, 16]],
    [ServiceCategory.PARENT_SUPPORT, 'Föräldragrupper', [PARENTS], [null, null]],
    [ServiceCategory.OPEN_MEETING_PLACE, 'Öppen mötesplats', [YOUNG_PEOPLE], [13, 19]],
    [ServiceCategory.SAFETY_HOSTS, 'Nattvandring', [YOUNG_PEOPLE, RESIDENTS], [null, null]],
    [ServiceCategory.MENTORING, 'Mentorer för unga', [YOUNG_PEOPLE], [13, 20]],
    [ServiceCategory.CULTURE, 'Kulturverkstad', [CHILDREN, YOUNG_PEOPLE], [9, 16]],
    [ServiceCategory.OUTREACH, 'Vuxna på stan', [YOUNG_PEOPLE], [12, 18]],
  ],
  [ActorKind.FAITH_COMMUNITY]: [
    [ServiceCategory.COUNSELLING, 'Samtalsstöd', [YOUNG_PEOPLE, PARENTS], [13, null]],
    [ServiceCategory.OPEN_MEETING_PLACE, 'Ungdomskväll', [YOUNG_PEOPLE], [13, 18]],
    [ServiceCategory.CRISIS_SUPPORT, 'Krisstöd', [RESIDENTS, YOUNG_PEOPLE], [null, null]],
  ],
  [ActorKind.SCHOOL]: [
    [ServiceCategory.HOMEWORK_HELP, 'Läxhjälp efter skoltid', [CHILDREN, YOUNG_PEOPLE], [10, 15]],
    [ServiceCategory.SUMMER_JOBS, 'Feriepraktik', [YOUNG_PEOPLE], [15, 17]],
  ],
};

/**
 * Loads the generated layer of the actors registry (see `demoGeneration` in `@samverkan/demo`): the
 * generated districts, actors in six counties and their services, registered over the last two
 * years (SEED_GENERATED_DEMO_DATA). Records that exist already are left as they are.
 */
export async function seedGeneratedDemoData(dataSource: DataSource, calendar: DemoCalendar = demoCalendar()): Promise<void> {
  const { districts, actors } = demoGeneration();
  const random = demoRandom('services');
  // Registered on a day in the last two years (generated records are older than the hand-written ones).
  const registered = (index: number) => calendar.moment(calendar.days(-730 + ((index * 37) % 700)));
  const services = actors.flatMap((actor) => {
    const offers = OFFERS[actor.kind as ActorKind] ?? [];
    const count = offers.length ? 1 + random.int(Math.min(2, offers.length)) : 0;
    const chosen = [...offers];
    return Array.from({ length: count }, () => {
      const [category, what, targetGroups, [ageMin, ageMax]] = chosen.splice(random.int(chosen.length), 1)[0];
      return {
        id: seededUuid(random),
        actorId: actor.id,
        name: `${what} i ${actor.place}`,
        category,
        targetGroups,
        ageMin,
        ageMax,
        description: `${DEMO_GENERATED_MARK}: ${what.toLowerCase()} hos ${actor.name}, genererad för demonstrationen.`,
        areas: actor.areaCodes,
      };
    });
  });
  await dataSource.transaction(async (manager) => {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Area)
      .values(districts.map(({ code, name, municipalityCode, latitude, longitude }) => ({ code, name, kind: AreaKind.DISTRICT, parentCode: municipalityCode, latitude, longitude })))
      .orIgnore()
      .execute();
    const added = await insertNew(
      manager,
      Actor,
      actors.map(({ id, name, kind, description }, index) => ({
        id, name, kind: kind as ActorKind, description, parentId: null, ownerId: id, version: 1, createdAt: registered(index), updatedAt: registered(index),
      })),
    );
    const links = actors.filter(({ id }) => added.has(id)).flatMap(({ id: actorId, areaCodes }) => areaCodes.map((areaCode) => ({ actorId, areaCode })));
    if (links.length) await manager.insert(ActorArea, links);
    const addedServices = await insertNew(
      manager,
      Service,
      services.map(({ areas: _areas, ...service }, index) => ({ ...service, version: 1, createdAt: registered(index + 20), updatedAt: registered(index + 20) })),
    );
    const serviceLinks = services.filter(({ id }) => addedServices.has(id)).flatMap(({ id: serviceId, areas }) => areas.map((areaCode) => ({ serviceId, areaCode })));
    if (serviceLinks.length) await manager.createQueryBuilder().insert().into(ServiceArea).values(serviceLinks).orIgnore().execute();
  });
}
