import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptInviteRequest,
  ChangePasswordRequest,
  MeResponse,
  MessageResponse,
  RequestPasswordResetRequest,
  ResetPasswordRequest,
  SignInRequest,
} from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { baseUrl } from '../../kernel/http/base-url.ts';
import { requireActor, sessionCookieName } from '../../kernel/http/security.ts';
import { createAuthService } from './auth.service.ts';

/** HTTP routes of the auth module. */
export function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createAuthService(deps);
  const tags = ['auth'];
  const cookieName = sessionCookieName(deps.config);
  const perIp = { rateLimit: { max: deps.config.SIGNIN_PER_IP_PER_MINUTE, timeWindow: '1 minute', keyGenerator: (req: { ip: string }) => req.ip } };
  // The known-device cookie goes only to the sign-in route (its path), lives for SIGNIN_KNOWN_DEVICE_DAYS, and is never
  // readable by scripts. __Secure- (not __Host-, which demands path=/) in production.
  const deviceCookie = deps.config.NODE_ENV === 'production' ? '__Secure-hearth_device' : 'hearth_device';
  const setDevice = (reply: FastifyReply, device: string | null) => {
    if (device) {
      reply.setCookie(deviceCookie, device, {
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.NODE_ENV === 'production',
        path: '/api/auth/sign-in',
        maxAge: deps.config.SIGNIN_KNOWN_DEVICE_DAYS * 86_400,
      });
    }
  };
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(cookieName, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.NODE_ENV === 'production',
      path: '/',
      maxAge: deps.config.SESSION_ABSOLUTE_HOURS * 3600,
    });

  r.post('/api/auth/sign-in', { schema: { tags, body: SignInRequest, response: { 200: MeResponse } }, config: perIp }, async (req, reply) => {
    const { token, me, device } = await service.signIn(req, req.body.email, req.body.password, req.cookies[deviceCookie]);
    setCookie(reply, token);
    setDevice(reply, device);
    return me;
  });
  r.post('/api/auth/sign-out', { schema: { tags } }, async (req, reply) => {
    if (req.actor) await service.signOut(req, req.actor);
    reply.clearCookie(cookieName, { path: '/' });
    return reply.code(204).send();
  });
  r.get('/api/me', { schema: { tags, response: { 200: MeResponse } } }, (req) => service.me(requireActor(req)));
  r.post('/api/auth/accept-invite', { schema: { tags, body: AcceptInviteRequest, response: { 200: MeResponse } }, config: perIp }, async (req, reply) => {
    const { token, me, device } = await service.acceptInvite(req, req.body.token, req.body.password);
    setCookie(reply, token);
    setDevice(reply, device);
    return me;
  });
  r.post('/api/auth/password-reset', { schema: { tags, body: RequestPasswordResetRequest, response: { 202: MessageResponse } }, config: perIp }, async (req, reply) => {
    await service.requestPasswordReset(req, req.body.email, baseUrl(deps.config, req));
    return reply.code(202).send({ message: 'If an account uses that email, a reset link is on its way.' });
  });
  r.post('/api/auth/password-reset/confirm', { schema: { tags, body: ResetPasswordRequest, response: { 200: MessageResponse } }, config: perIp }, async (req, reply) => {
    setDevice(reply, (await service.resetPassword(req, req.body.token, req.body.password)).device);
    return { message: 'Your password was changed. Sign in with the new one.' };
  });
  r.post('/api/auth/change-password', { schema: { tags, body: ChangePasswordRequest, response: { 200: MessageResponse } }, config: perIp }, async (req, reply) => {
    setDevice(reply, (await service.changePassword(req, requireActor(req), req.body.currentPassword, req.body.newPassword)).device);
    return { message: 'Your password was changed. Other sessions were signed out.' };
  });
}
