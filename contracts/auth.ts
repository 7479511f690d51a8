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

/** `POST /api/auth/email-change/confirm` body: the new address confirms a change of sign-in email. */
export const ConfirmEmailChangeRequest = z
  .object({
    /** Token from the link mailed to the new address. */
    token: z.string().min(20).max(200),
    /** The account's current password (proves the person, not only the mailbox, agrees); omitted before one is set. */
    password: z.string().min(1).max(LIMITS.password.max).optional(),
  })
  .strict();
export type ConfirmEmailChangeRequest = z.infer<typeof ConfirmEmailChangeRequest>;

/** `POST /api/auth/email-change/dispute` body: the old address refuses a change of sign-in email. */
export const DisputeEmailChangeRequest = z
  .object({
    /** Token from the link mailed to the old address. */
    token: z.string().min(20).max(200),
  })
  .strict();
export type DisputeEmailChangeRequest = z.infer<typeof DisputeEmailChangeRequest>;

/** `POST /api/auth/email-change/lookup` body: which change a mailed link is about. */
export const LookupEmailChangeRequest = z
  .object({
    /** Token from either link. */
    token: z.string().min(20).max(200),
    /** confirm = the link mailed to the new address; dispute = the one mailed to the old address. */
    kind: z.enum(['confirm', 'dispute']),
  })
  .strict();
export type LookupEmailChangeRequest = z.infer<typeof LookupEmailChangeRequest>;

/** What a mailed email-change link is about, before the person acts on it. */
export const EmailChangeLinkResponse = z.object({
  /** The address the sign-in email changes (or changed) to. */
  newEmail: z.string(),
  /** Whether confirming asks for the account's password (it has one). */
  needsPassword: z.boolean(),
  /** pending = waiting for confirmation; confirmed = in effect (a dispute reverts it); closed = nothing left to do. */
  state: z.enum(['pending', 'confirmed', 'closed']),
});
export type EmailChangeLinkResponse = z.infer<typeof EmailChangeLinkResponse>;
