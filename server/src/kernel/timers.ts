import type { FastifyInstance } from 'fastify';

/**
 * Runs `job` on this node every `seconds` (0: never), never two runs at once; a failed run is logged as
 * "`what` failed" and the next one tries again. The timer does not keep the process alive and stops when the app
 * closes. Every node runs its own timer, so each job must claim its work (a row lock, a conditional update).
 */
export function repeatOnThisNode(app: FastifyInstance, seconds: number, what: string, job: () => Promise<unknown>) {
  if (!seconds) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    job()
      .catch((err) => app.log.warn({ err }, `${what} failed`))
      .finally(() => (running = false));
  }, seconds * 1000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
