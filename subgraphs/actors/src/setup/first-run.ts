import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Viewer } from '@samverkan/platform';
import { Actor } from '../registry/actor';
import { RegisterOrganisationInput } from '../registry/actor.inputs';
import { holdersOf, organisationNumberKey, withOrganisationNumberKey } from '../registry/natural-key';
import { registerOrganisation } from '../registry/organisations';

/** The change log's author of what the setup writes: the new organisation itself, subject "setup". */
export const setupAuthor = (organisationId: string): Viewer => ({ kind: 'member', subject: 'setup', organisationId, roles: [] });

export interface FirstRun {
  actor: Actor;
  /** False when the organisation number was registered already: nothing was written. */
  created: boolean;
}

/**
 * Registers the operating organisation as `registerOrganisation` does, unless its organisation
 * number is registered already (the registry's natural key), in which case that actor is returned:
 * running the setup twice, or two at once, registers it once.
 */
export async function registerOperatingOrganisation(dataSource: DataSource, organisation: RegisterOrganisationInput): Promise<FirstRun> {
  const existing = async () => {
    const [holder] = await holdersOf(dataSource, [organisationNumberKey(organisation.organisationNumber)]);
    return holder && { actor: await dataSource.getRepository(Actor).findOneByOrFail({ id: holder.id }), created: false };
  };
  const found = await existing();
  if (found) return found;
  const id = randomUUID();
  try {
    const actor = await withOrganisationNumberKey(dataSource, () =>
      dataSource.transaction((manager) => registerOrganisation(manager, setupAuthor(id), organisation, id)),
    );
    return { actor, created: true };
  } catch (error) {
    // Another setup registered it in the meantime.
    const registered = await existing();
    if (registered) return registered;
    throw error;
  }
}
