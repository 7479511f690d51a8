import type { AppDeps } from '../../kernel/deps.ts';
import { hashToken, newToken } from '../../kernel/auth/tokens.ts';
import { escapeHtml } from '../../kernel/mail.ts';
import * as repo from './notifications.repo.ts';

/** Base URL of links in mail: PUBLIC_URL, else this node's own address (development). */
export const mailBaseUrl = (deps: AppDeps) => (deps.config.PUBLIC_URL ?? `http://localhost:${deps.config.PORT}`).replace(/\/$/, '');

/**
 * Sends one notification mail to a person. Every mail carries a fresh one-click unsubscribe token (RFC 8058): only its
 * SHA-256 is stored, and every mail's link works for 90 days.
 */
export async function sendNotificationMail(
  deps: AppDeps,
  to: { id: string; orgId: string; name: string; email: string },
  mail: { subject: string; intro: string; items: { title: string; url: string }[]; more?: number },
) {
  const base = mailBaseUrl(deps);
  const token = newToken();
  await repo.addUnsubscribeToken(deps.db, to.id, to.orgId, hashToken(token));
  const oneClick = `${base}/api/notifications/unsubscribe?token=${token}`;
  const page = `${base}/unsubscribe?token=${token}`;
  const settings = `${base}/notifications/settings`;
  const link = (u: string) => (u.startsWith('/') ? `${base}${u}` : u);
  const more = mail.more ? `…and ${mail.more} more in Hearth.` : '';
  const text = [
    `Hi ${to.name},`,
    '',
    mail.intro,
    '',
    ...mail.items.map((i) => `- ${i.title}\n  ${link(i.url)}`),
    ...(more ? ['', more] : []),
    '',
    `Choose which mails you get: ${settings}`,
    `Unsubscribe from all Hearth mail: ${page}`,
  ].join('\n');
  const html = `<p>Hi ${escapeHtml(to.name)},</p><p>${escapeHtml(mail.intro)}</p><ul>${mail.items
    .map((i) => `<li><a href="${escapeHtml(link(i.url))}">${escapeHtml(i.title)}</a></li>`)
    .join('')}</ul>${more ? `<p>${escapeHtml(more)}</p>` : ''}<p style="color:#666;font-size:12px"><a href="${escapeHtml(settings)}">Choose which mails you get</a> · <a href="${escapeHtml(page)}">Unsubscribe</a></p>`;
  await deps.mailer.send({
    to: to.email,
    subject: mail.subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });
}
