// `npm run seed:demo`: creates the demo organization in the configured database (PostgreSQL or PGlite).
import { openDatabase } from '../server/src/boot.ts';
import { loadConfig } from '../server/src/config.ts';
import { ensureDemo } from '../server/db/seeds/demo.ts';

/** Seeds the demo organization unless one exists. */
export async function run(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const r = await ensureDemo(database.db);
    console.log(r.created ? `Demo organization "${r.orgName}" created. Sign in as admin@example.com / hearth-demo.` : `Nothing to do: ${r.orgName}.`);
    return 0;
  } finally {
    await database.close();
  }
}
