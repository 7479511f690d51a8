import { z } from 'zod';

// The contracts the web app imports build zod object schemas at load time, and zod 4 probes whether it may compile a
// fast parser with `new Function` on each one. Under our Content-Security-Policy (script-src 'self', no
// 'unsafe-eval') that probe is refused and reported as a violation on every page. The browser parses little, so it
// runs zod without code generation. Imported first by main.tsx, before any schema is built.
z.config({ jitless: true });
