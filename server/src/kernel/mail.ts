import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/** One outgoing mail. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
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
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
    return {
      async send(mail) {
        const info = await transport.sendMail({ from, ...mail });
        mkdirSync(outboxDir, { recursive: true });
        const file = join(outboxDir, `${Date.now()}-${info.messageId.replace(/[^a-z0-9]/gi, '')}.eml`);
        writeFileSync(file, info.message as Buffer);
        log(`No SMTP_URL set: mail "${mail.subject}" saved to ${file}`);
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

/** Escapes text for an HTML mail body. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
