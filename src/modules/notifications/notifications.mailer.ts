import type { Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends one e-mail. The worker depends on this, so tests can pass an in-memory outbox. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** An SMTP mailer from `SMTP_URL`, or null when e-mail is not configured (in-app only). */
export function createSmtpMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  // nodemailer loads with the first e-mail, not with every process.
  let transport: Promise<Transporter> | undefined;
  return {
    async send(message) {
      transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl));
      await (await transport).sendMail({ from, ...message });
    },
  };
}
