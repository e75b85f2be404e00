import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting Obieg reads, declared once and validated at start-up.
 * Nothing else in the code base reads `process.env`.
 */
const settingsSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  OBIEG_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Largest file accepted by the file store, in megabytes. */
  OBIEG_MAX_FILE_MB: z.coerce.number().int().min(1).max(2048).default(100),
  /** Lifetime of a person's session token, in hours. */
  OBIEG_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Password of the office electronic seal's PKCS#12 file; unset = given with each request. */
  OBIEG_SEAL_PASSWORD: z.string().min(1).optional(),
  /** SMTP server for e-mail notifications, e.g. smtp://user:pass@mail.urzad.pl:587; unset = in-app only. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().min(3).default('Obieg <obieg@localhost>'),
  /** Warn the handler this many working days before a case's deadline. */
  OBIEG_NOTIFY_DAYS: z.coerce.number().int().min(0).max(30).default(3),
  /** How often the notification worker runs, in seconds (0 = never, e.g. on extra app nodes). */
  OBIEG_NOTIFY_INTERVAL_S: z.coerce.number().int().min(0).max(3600).default(30),
});

export type Settings = Omit<z.infer<typeof settingsSchema>, 'OBIEG_DATA_DIR'> & {
  OBIEG_DATA_DIR: string;
};

export const settingsDocumentation: Record<keyof Settings, string> = {
  HOST: 'Address the HTTP server listens on (default 127.0.0.1).',
  PORT: 'HTTP port (default 3000).',
  OBIEG_DATA_DIR: 'Data directory: embedded database and file store (default ./data).',
  DATABASE_URL: 'PostgreSQL connection string; unset = embedded PGlite in OBIEG_DATA_DIR/db.',
  OBIEG_MAX_FILE_MB: 'Largest accepted file in MB (default 100).',
  OBIEG_SESSION_HOURS: 'Session token lifetime in hours (default 12).',
  LOG_LEVEL: 'pino log level (default info).',
  OBIEG_SEAL_PASSWORD:
    'Password of the office seal (pieczęć elektroniczna) PKCS#12; unset = given with each seal request.',
  SMTP_URL: 'SMTP server for e-mail notifications (smtp:// or smtps://); unset = in-app only.',
  SMTP_FROM: 'Sender of notification e-mails (default "Obieg <obieg@localhost>").',
  OBIEG_NOTIFY_DAYS: 'Working days before a deadline when the handler is warned (default 3).',
  OBIEG_NOTIFY_INTERVAL_S: 'Notification worker period in seconds; 0 disables it (default 30).',
};

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new Error(`Invalid settings / nieprawidłowa konfiguracja:\n${problems}`);
  }
  return { ...parsed.data, OBIEG_DATA_DIR: path.resolve(parsed.data.OBIEG_DATA_DIR) };
}
