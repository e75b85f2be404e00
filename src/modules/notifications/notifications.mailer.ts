import nodemailer from 'nodemailer';

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
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}
