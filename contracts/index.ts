// Contracts shared by server and web: zod schemas and limits, no I/O.
export * from './common.ts';
export * from './people.ts';
export * from './auth.ts';
export * from './realtime.ts';
export * from './communities.ts';
export * from './resources.ts';
export * from './pathways.ts';
export * from './notifications.ts';
export * from './messages.ts';
export * from './search.ts';
export * from './feeds.ts';
export * from './programs.ts';
export * from './mentoring.ts';
export * from './live-sessions.ts';
export * from './events.ts';
export * from './system.ts';
export * from './audit.ts';
