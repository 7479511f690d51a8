// people: owns people, their skills and reporting lines; directory, profiles, invitations, HR import/export.
// Emits: people.person_updated, people.person_invited, people.imported. Consumes: none.
// Public surface: register(app, deps) and the service functions below (auth uses getPerson / selectPersonByEmail).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { peopleRoutes } from './people.routes.ts';

export { getPerson, findPeople } from './people.service.ts';
export { selectPersonByEmail as findPersonByEmail, updatePersonRow as setPersonColumns, insertPeople, replaceSkills } from './people.repo.ts';
export type { PersonRow } from './people.repo.ts';

/** Registers the people routes. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  peopleRoutes(app, deps);
}
