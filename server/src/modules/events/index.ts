// events: owns scheduled events (workshops, webinars, cohort sessions): RSVP with capacity and waitlist, calendar
// invites (.ics), reminders, live Q&A with upvotes, attendance, recordings and resources attached afterwards.
// Emits: realtime `changed` on event:<id>. Consumes: none yet.
// Public surface: register(app, deps).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';

/** Registers the event routes. */
export async function register(_app: FastifyInstance, _deps: AppDeps) {}
