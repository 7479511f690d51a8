import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ConfirmEmailChangeRequest,
  DisputeEmailChangeRequest,
  EmailChangeLinkResponse,
  LookupEmailChangeRequest,
  MessageResponse,
} from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { confirmEmailChange, disputeEmailChange, lookupEmailChange } from '../people/index.ts';

const DISPUTED = {
  cancelled: 'The change was stopped: your sign-in email stays as it is.',
  reverted: 'Your sign-in email was put back and every session was signed out. Reset your password if you think someone else knows it.',
  nothing: 'There is nothing left to stop: this change is no longer in effect.',
} as const;

/**
 * The links mailed for a change of sign-in email (tokens travel in the body, never in a logged URL). Signed out on
 * purpose: the new address confirms with the account's password, the old address disputes with its own link.
 */
export function emailChangeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const perIp = { rateLimit: { max: deps.config.SIGNIN_PER_IP_PER_MINUTE, timeWindow: '1 minute', keyGenerator: (req: { ip: string }) => req.ip } };

  r.post('/api/auth/email-change/lookup', { schema: { tags, body: LookupEmailChangeRequest, response: { 200: EmailChangeLinkResponse } }, config: perIp }, (req) =>
    lookupEmailChange(deps, req.body.token, req.body.kind),
  );
  r.post('/api/auth/email-change/confirm', { schema: { tags, body: ConfirmEmailChangeRequest, response: { 200: MessageResponse } }, config: perIp }, async (req) => {
    await confirmEmailChange(deps, req.body.token, req.body.password);
    return { message: 'Your sign-in email was changed. Use the new address the next time you sign in.' };
  });
  r.post('/api/auth/email-change/dispute', { schema: { tags, body: DisputeEmailChangeRequest, response: { 200: MessageResponse } }, config: perIp }, async (req) => ({
    message: DISPUTED[await disputeEmailChange(deps, req.body.token)],
  }));
}
