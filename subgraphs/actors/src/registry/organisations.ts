import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ChangeAction, givenFields, recordChange } from '@samverkan/federation';
import { Viewer } from '@samverkan/platform';
import { Actor } from './actor';
import { RegisterOrganisationInput } from './actor.inputs';
import { assertAreasExist, replaceAreaLinks } from '../areas/area-links';
import { assertOrganisationNumberFree, organisationNumberKey } from './natural-key';

/**
 * Registers an organisation: a top-level actor that maintains its own entry (its coordinators may
 * change it from then on), known by its organisation number. The administrator's
 * `registerOrganisation` and the first-run setup command both register this way; `id` is given by
 * the setup, whose change-log entry names the new organisation itself.
 */
export async function registerOrganisation(
  manager: EntityManager,
  viewer: Viewer,
  input: RegisterOrganisationInput,
  id: string = randomUUID(),
): Promise<Actor> {
  const { areaCodes, ...fields } = input;
  const organisationNumber = organisationNumberKey(fields.organisationNumber);
  await assertAreasExist(manager, areaCodes ?? []);
  await assertOrganisationNumberFree(manager, organisationNumber);
  await manager.insert(Actor, { ...fields, organisationNumber, id, ownerId: id, parentId: null });
  await replaceAreaLinks(manager, 'actor', id, areaCodes ?? []);
  await recordChange(manager, viewer, { entityType: 'Actor', entityId: id, action: ChangeAction.CREATED, fields: givenFields(input) });
  return manager.findOneByOrFail(Actor, { id });
}
