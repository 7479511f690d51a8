import { z } from 'zod';

/** Limits of an organization's settings. */
export const ORG_LIMITS = {
  /** Image hosts an organization may allow. */
  imageHosts: 20,
  /** Longest host name (DNS). */
  host: 253,
} as const;

// Lower-case DNS names only (letters, digits, hyphens, dots; the last label starts with a letter, so no IP
// addresses), optionally `*.` for every subdomain. Nothing else can pass, so a host is safe to write into the
// Content-Security-Policy header (no spaces, quotes, semicolons or schemes).
const HOST = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** True when `host` is a valid image host entry (what ImageHost accepts after normalizing). */
export const isImageHost = (host: string) => host.length <= ORG_LIMITS.host && HOST.test(host);

/** One allowed image host such as `images.example.com` or `*.cdn.example.com`; a pasted `https://…/` is trimmed. */
export const ImageHost = z
  .string()
  .trim()
  .max(ORG_LIMITS.host + 10)
  .transform((s) => s.toLowerCase().replace(/^https:\/\//, '').replace(/\/$/, ''))
  .refine(isImageHost, 'Enter a host name such as images.example.com (or *.example.com for its subdomains), without a path');

/** `GET /api/organization/settings` answer. */
export const OrganizationSettings = z.object({
  /** The organization's name. */
  name: z.string(),
  /** Hosts whose https images Markdown may show, besides files uploaded to Hearth. */
  imageHosts: z.array(z.string()),
  /** What the actor may do here. */
  abilities: z.object({
    /** Org admins change the settings. */
    canEdit: z.boolean(),
  }),
});
export type OrganizationSettings = z.infer<typeof OrganizationSettings>;

/** `PUT /api/organization/settings` body (org admins). */
export const UpdateOrganizationSettingsRequest = z.object({
  /** The whole list of allowed image hosts (duplicates are dropped). */
  imageHosts: z
    .array(ImageHost)
    .max(ORG_LIMITS.imageHosts)
    .transform((hosts) => [...new Set(hosts)]),
});
export type UpdateOrganizationSettingsRequest = z.infer<typeof UpdateOrganizationSettingsRequest>;
