import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/** True for a validated PATCH body that asks to change nothing: an object with no field set (after unknown keys are stripped). */
export const isEmptyPatch = (body: unknown) =>
  body !== null && typeof body === 'object' && !Array.isArray(body) && Object.values(body).every((v) => v === undefined);

/**
 * A PATCH that names no field answers 400 NOTHING_TO_CHANGE before any service runs, on every route (present or
 * future): an empty update would otherwise reach `update … set` with nothing to set (a 500 from the query builder) or
 * bump `updated_at` and emit an "updated" event for a change that never happened. Runs after validation, so a body
 * whose only keys were unknown (and stripped) counts as empty too; a missing body already failed validation (400).
 */
export function installEmptyPatchCheck(app: FastifyInstance) {
  app.addHook('preHandler', async (request) => {
    if (request.method !== 'PATCH' || !isEmptyPatch(request.body)) return;
    throw new AppError('NOTHING_TO_CHANGE', 'Nothing to change: send at least one field.', { errors: [{ field: '(body)', message: 'No fields to change' }] });
  });
}
