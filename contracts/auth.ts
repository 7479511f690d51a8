import { z } from 'zod';
import { Email, Id, LIMITS, text } from './common.ts';
import { Person } from './people.ts';

/** `POST /api/auth/sign-in` body. */
export const SignInRequest = z
  .object({
    /** Work email. */
    email: Email,
    /** Password. */
    password: z.string().min(1).max(LIMITS.password.max),
  })
  .strict();
export type SignInRequest = z.infer<typeof SignInRequest>;

/** A new password, with the length rules people are told about. */
export const NewPassword = z
  .string()
  .min(LIMITS.password.min, `Use at least ${LIMITS.password.min} characters`)
  .max(LIMITS.password.max);

/** `GET /api/me` and sign-in answer: the signed-in person plus their session facts. */
export const MeResponse = z.object({
  /** The signed-in person's profile. */
  person: Person,
  /** The organization. */
  organization: z.object({ id: Id, name: z.string() }),
  /** Send this in the X-CSRF-Token header on every state-changing request. */
  csrfToken: z.string(),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** `POST /api/auth/accept-invite` body. */
export const AcceptInviteRequest = z
  .object({
    /** Token from the invitation link. */
    token: z.string().min(20).max(200),
    /** The password the person chooses. */
    password: NewPassword,
  })
  .strict();
export type AcceptInviteRequest = z.infer<typeof AcceptInviteRequest>;

/** `POST /api/auth/password-reset` body: ask for a reset mail. */
export const RequestPasswordResetRequest = z.object({ /** Work email. */ email: Email }).strict();
export type RequestPasswordResetRequest = z.infer<typeof RequestPasswordResetRequest>;

/** `POST /api/auth/password-reset/confirm` body. */
export const ResetPasswordRequest = z
  .object({
    /** Token from the emailed link. */
    token: z.string().min(20).max(200),
    /** The new password. */
    password: NewPassword,
  })
  .strict();
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

/** `POST /api/auth/change-password` body. */
export const ChangePasswordRequest = z
  .object({
    /** Current password. */
    currentPassword: z.string().min(1).max(LIMITS.password.max),
    /** The new password. */
    newPassword: NewPassword,
  })
  .strict();

/** Answer carrying a human message only. */
export const MessageResponse = z.object({ /** What happened. */ message: text(500) });
export type MessageResponse = z.infer<typeof MessageResponse>;

/** `POST /api/people` answer: the invitation link (also emailed). */
export const InvitationResponse = z.object({
  /** The invited person's id. */
  personId: Id,
  /** Link the person opens to set a password. */
  inviteUrl: z.string(),
});
export type InvitationResponse = z.infer<typeof InvitationResponse>;
