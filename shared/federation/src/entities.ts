import { ClassType, Directive, Field, ID, ObjectType } from 'type-graphql';
import { ID_DESCRIPTION, SubgraphName } from '@samverkan/platform';

/**
 * The federation's shared entities: who owns each, its key, and its one description. Owners use
 * the descriptions; other subgraphs get key-only stubs from `entityStub`. Composition keeps a
 * single description per type, so one text here keeps the supergraph's documentation right.
 */
export const ENTITIES = {
  Actor: {
    key: 'id',
    description:
      'An organisation or unit that takes part in local collaboration: a police unit, a municipality or its administration, an association, a faith community, a business or a school. Actors form a hierarchy, e.g. a local branch under a national NGO, or a local police area under a police region.',
  },
  Area: {
    key: 'code',
    description:
      'A geographic area: Sweden, a county, a municipality or a district. Its `code` is the official code where one exists (länskod, kommunkod); a district has its municipality code, a dash and a name slug.',
  },
  Agreement: {
    key: 'id',
    description:
      'An agreement or commitment between parties about working together for children and young people: an IOP, a declaration of intent, a collaboration agreement, a citizen promise, a national agreement, or a method such as Rätt kurva or SSPF. Records who the parties are and in which roles, the areas it covers, and its period.',
  },
  Commitment: {
    key: 'id',
    description:
      "One commitment of a citizen promise (medborgarlöfte): what a party promises to do, the indicator it is followed by and the target, with follow-up reports over time. Belongs to its agreement, whose visibility it follows; activities can be carried out under it.",
  },
  ContactFunction: {
    key: 'id',
    description:
      'A contact point bound to a function rather than a person (e.g. "Kommunpolis Järva", "Fritidssamordnare Rinkeby-Kista", "Ordförande"): the function outlives the people who hold it. Its name, actor and area are public; its channels and holders are shown to signed-in parties of the network only.',
  },
  Venue: {
    key: 'id',
    description:
      'Premises an actor can lend for meetings, dialogues and activities (not only in crises): where, how many people fit, what for, and which contact function to ask.',
  },
  InterventionTeam: {
    key: 'id',
    description:
      "The intervention team of one area (insatsteam): the contact functions of social services, the local police, schools and civil-society organisations that agreed to take part, with a lead, backups and a coordinator, activated when a guardian's concern about a child is registered in the area. Function over person: the holders live in the registry.",
  },
  Concern: {
    key: 'id',
    description:
      "A guardian's concern about a child (oro), registered by the organisation the guardian turned to and routed to the area's intervention team, which answers within 24 hours. Pseudonymous: the child is an age and a reference only the team resolves. Read only by the receiving organisation and the activated team within the guardian's consent, every read audited; everyone else sees figures only (docs/dpia-concerns.md).",
  },
  CrisisRoster: {
    key: 'id',
    description:
      'The crisis roster of one area: the contact functions that should be contacted when something happens there, by kind of incident, in order, with backups. Owned by the organisation that keeps it and shown to whom it chooses (`visibility`) and always to its `maintainers`; the coordinators of the owner and of the maintainers change it. `gaps` flags what is missing in the roster itself and `onePersonDependencies` (answered by the registry) the listed functions that rest on one person. Opening an incident in the area generates its contact list from this roster.',
  },
} as const;

export type EntityName = keyof typeof ENTITIES;

export const KEY_DESCRIPTIONS = {
  id: ID_DESCRIPTION,
  code: 'Area code: `SE`, a länskod (`01`), a kommunkod (`0180`), or for a district or named area the kommunkod and a slug of its first name (`0180-rinkeby-kista`, `0180-jarva`). Never changes, also when the area is renamed.',
} as const;

type Keyed<N extends EntityName> = { [K in (typeof ENTITIES)[N]['key']]: string };

/**
 * A key-only stub of an entity another subgraph owns, so this subgraph can refer to it and add
 * fields to it; the gateway resolves the rest from the owner. Call once per subgraph process.
 */
export function entityStub<N extends EntityName>(name: N): ClassType<Keyed<N>> {
  const { key, description } = ENTITIES[name];
  const Stub = { [name]: class {} }[name] as ClassType<Keyed<N>>;
  Field(() => ID, { description: KEY_DESCRIPTIONS[key] })(Stub.prototype, key);
  Directive(`@key(fields: "${key}")`)(Stub);
  ObjectType(name, { description })(Stub);
  return Stub;
}

/**
 * A field of another subgraph's entity that this subgraph needs to answer a field of its own
 * (`@requires`): declared `@external` on the stub, so the gateway fetches it from the owner first
 * and passes it in the entity's representation. No description: the owner's is the one composed.
 */
export function externalField(stub: ClassType, name: string, type: NonNullable<Parameters<typeof Field>[0]>): void {
  Field(type)(stub.prototype, name);
  Directive('@external')(stub.prototype, name);
}

/**
 * The options of a field another party's service answers: one a subgraph adds to another's entity
 * (answered by that subgraph), or a reference to another's entity (whose fields its owner answers).
 * Nullable, so that when that service is unavailable the gateway nulls this field alone, with a
 * DEPENDENCY_UNAVAILABLE error naming the service, and keeps everything around it: a non-null field
 * would pass the null up to the nearest nullable ancestor, e.g. the whole area.
 */
export const answeredBy = (service: SubgraphName, description: string) =>
  ({ nullable: true, description: `${description} Null when the ${service} service is unavailable.` }) as const;
