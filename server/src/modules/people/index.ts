// people: owns people, their skills and reporting lines; directory, profiles, invitations, HR import/export.
// Emits: people.person_updated, people.person_invited, people.imported. Consumes: its own events (to drop cached
// directory pages of the organization on every node).
// Email changes wait for the new address to confirm them (with the account's password); the old address may dispute.
// Public surface: register(app, deps) and the service functions below (auth uses getPerson / selectPersonByEmail and
// serves the email-change links; bulk tools resolve selections of people with resolveSelection).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { peopleRoutes } from './people.routes.ts';
import { createDirectoryCache } from './people.service.ts';

export { getPerson, findPeople } from './people.service.ts';
export { confirmEmailChange, disputeEmailChange, lookupEmailChange } from './people.email-change.ts';
export { selectPersonByEmail as findPersonByEmail, updatePersonRow as setPersonColumns, insertPeople, replaceSkills } from './people.repo.ts';
export type { PersonRow } from './people.repo.ts';
export { refuseProblemLines, resolveSelection, type ChosenLine } from './people.selection.ts';

/** Registers the people routes. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  const directory = createDirectoryCache(deps, (msg, err) => app.log.warn({ err }, msg));
  // Not awaited: the local drop is immediate (before the writer's response), other nodes follow over the bus.
  for (const type of ['people.person_updated', 'people.person_invited', 'people.imported']) {
    deps.events.onCommit(type, (e) => void (e.orgId && directory.invalidate(e.orgId)));
  }
  peopleRoutes(app, deps, directory);
}
