// The database schema; one file per area, re-exported here for drizzle-kit and repositories.
export * from './orgs.ts';
export * from './communities.ts';
export * from './learning.ts';
export * from './social.ts';
export * from './programs.ts';
export * from './mentoring.ts';
export * from './live-sessions.ts';
export * from './events.ts';
export * from './network.ts';
export * from './surveys.ts';
export * from './follow-through.ts';
