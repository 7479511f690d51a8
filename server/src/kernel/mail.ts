import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';

// nodemailer is loaded on the first mail, not at start: most starts send none.
const transport = (options: string | object): Promise<Transporter> => import('nodemailer').then((m) => m.default.createTransport(options as never));

/** One outgoing mail. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on notification mail. */
  headers?: Record<string, string>;
  /** Files to attach, e.g. an .ics calendar invitation (content type `text/calendar; method=REQUEST`). */
  attachments?: { filename: string; content: string; contentType: string }[];
}

/** Sends mail; without SMTP_URL each mail is saved as an .eml file in the outbox folder (development). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * Creates an SMTP mailer (nodemailer), or one that writes .eml files to `outboxDir`.
 * Mail bodies carry single-use tokens, so they are never written to the log.
 */
export function createMailer(smtpUrl: string | undefined, from: string, outboxDir: string, log: (msg: string) => void): Mailer {
  if (!smtpUrl) {
    let files: Promise<Transporter> | undefined;
    return {
      async send(mail) {
        files ??= transport({ streamTransport: true, buffer: true });
        const info = await (await files).sendMail({ from, ...mail });
        mkdirSync(outboxDir, { recursive: true });
        const file = join(outboxDir, `${Date.now()}-${info.messageId.replace(/[^a-z0-9]/gi, '')}.eml`);
        writeFileSync(file, info.message as Buffer);
        log(`No SMTP_URL set: mail "${mail.subject}" saved to ${file}`);
      },
    };
  }
  let smtp: Promise<Transporter> | undefined;
  return {
    async send(mail) {
      smtp ??= transport(smtpUrl);
      await (await smtp).sendMail({ from, ...mail });
    },
  };
}

/** Escapes text for an HTML mail body. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
