import os from 'node:os';
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
  /** Connections each app node keeps to PostgreSQL (embedded or external). */
  OBIEG_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** HTTP worker processes of `obieg serve` (0 = one per core, at most 8; 1 = a single process). */
  OBIEG_HTTP_WORKERS: z.coerce.number().int().min(0).max(64).default(0),
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
  /**
   * How often the search indexer reads new audit events, in seconds (0 = never). A search only
   * reads the index, so this is how soon a change is findable; a run with nothing new is one
   * short transaction.
   */
  OBIEG_SEARCH_INTERVAL_S: z.coerce.number().min(0).max(3600).default(1),
  /** Citizens' portal (/portal): the office it serves (code); unset = the only office. */
  OBIEG_PORTAL_OFFICE: z.string().min(1).optional(),
  /** How citizens sign in: SAML to the national node, the demo identity provider, or not at all. */
  OBIEG_PORTAL_LOGIN: z.enum(['saml', 'demo', 'off']).optional(),
  /** Public address of the portal (e.g. https://eurzad.example.gov.pl); unset = from the request. */
  OBIEG_PORTAL_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  OBIEG_PORTAL_SAML_ENTRY_POINT: z.url({ protocol: /^https?$/ }).optional(),
  /** PEM file with the identity provider's signing certificate(s). */
  OBIEG_PORTAL_SAML_IDP_CERT: z.string().min(1).optional(),
  OBIEG_PORTAL_SAML_IDP_ENTITY_ID: z.string().min(1).optional(),
  OBIEG_PORTAL_SAML_SP_ENTITY_ID: z.string().min(1).default('urn:obieg:portal'),
  OBIEG_PORTAL_MAX_FILE_MB: z.coerce.number().int().min(1).max(100).default(10),
  OBIEG_PORTAL_MAX_FILES: z.coerce.number().int().min(1).max(50).default(10),
  OBIEG_PORTAL_SESSION_MINUTES: z.coerce.number().int().min(5).max(480).default(30),
  OBIEG_PORTAL_LOOKUP_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  OBIEG_PORTAL_LOOKUP_WINDOW_MIN: z.coerce.number().int().min(1).max(1440).default(15),
  OBIEG_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy that sets it). */
  OBIEG_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  OBIEG_PORTAL_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  OBIEG_PORTAL_WORKER_INTERVAL_S: z.coerce.number().int().min(0).max(3600).default(60),
  /** Days after which a portal letter not downloaded is reported to its handler (no fiction). */
  OBIEG_PORTAL_UNCOLLECTED_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** Base URL of the ePUAP service (or the channel simulator); unset = ePUAP gateway off. */
  OBIEG_EPUAP_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Base URL of the e-Doręczenia service (or the channel simulator); unset = e-Doręczenia gateway off. */
  OBIEG_EDORECZENIA_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** How often the channels gateway runs in `serve`, in seconds (0 = never). */
  OBIEG_CHANNEL_INTERVAL_S: z.coerce.number().min(0).max(3600).default(5),
  /** Rest of a caught-up mailbox before it is listed again, in seconds. */
  OBIEG_CHANNEL_POLL_S: z.coerce.number().min(0).max(86400).default(60),
  /** Messages per listing page and per download/registration step. */
  OBIEG_CHANNEL_PAGE: z.coerce.number().int().min(1).max(500).default(50),
  /** First back-off step after a throttled/unavailable answer, in milliseconds (doubles, with jitter). */
  OBIEG_CHANNEL_BACKOFF_BASE_MS: z.coerce.number().int().min(1).max(600000).default(1000),
  /** Longest back-off, in seconds. */
  OBIEG_CHANNEL_BACKOFF_MAX_S: z.coerce.number().min(0.01).max(86400).default(900),
  /** Failed attempts on one message or letter before it goes to the dead letters. */
  OBIEG_CHANNEL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  /** How long a gateway node holds a mailbox (a crashed node's lease runs out), in seconds. */
  OBIEG_CHANNEL_LEASE_S: z.coerce.number().min(1).max(3600).default(120),
  /** How often the delivery proof of a sent letter is asked for, in seconds. */
  OBIEG_CHANNEL_PROOF_POLL_S: z.coerce.number().min(0).max(86400).default(900),
  /** Timeout of one request to a national service, in seconds. */
  OBIEG_CHANNEL_TIMEOUT_S: z.coerce.number().min(1).max(600).default(30),
  /** How often the OCR worker looks for new scans and due pages, in seconds (0 = never). */
  OBIEG_OCR_INTERVAL_S: z.coerce.number().min(0).max(3600).default(5),
  /** Pages read at the same time (tesseract processes); 1 suits a 2-core machine. */
  OBIEG_OCR_WORKERS: z.coerce.number().int().min(1).max(32).default(1),
  /** Longest run of tesseract or pdftoppm on one page, in seconds; then it is killed. */
  OBIEG_OCR_TIMEOUT_S: z.coerce.number().min(1).max(3600).default(120),
  /** Failed attempts on one page before it is quarantined. */
  OBIEG_OCR_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** First wait after a failed page, in seconds (doubles with each attempt). */
  OBIEG_OCR_RETRY_BASE_S: z.coerce.number().min(0).max(86400).default(60),
  /** Resolution PDF pages are rasterised at for OCR, in dots per inch. */
  OBIEG_OCR_DPI: z.coerce.number().int().min(72).max(600).default(300),
  /** Tesseract's languages (Debian's tesseract-ocr-pol and -eng, scripts/ensure-ocr.sh). */
  OBIEG_OCR_LANGUAGES: z
    .string()
    .regex(/^[a-z_]+(\+[a-z_]+)*$/)
    .default('pol+eng'),
});

export type Settings = Omit<z.infer<typeof settingsSchema>, 'OBIEG_DATA_DIR'> & {
  OBIEG_DATA_DIR: string;
};

/**
 * The environment of a tool Obieg runs as a child process (tesseract, poppler): this process's
 * own (PATH, locale) with the given additions.
 */
export function childProcessEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

export const settingsDocumentation: Record<keyof Settings, string> = {
  HOST: 'Address the HTTP server listens on (default 127.0.0.1).',
  PORT: 'HTTP port (default 3000).',
  OBIEG_DATA_DIR:
    'Data directory: embedded PostgreSQL (pg/) and file store (files/) (default ./data).',
  DATABASE_URL:
    'External PostgreSQL connection string; unset = the embedded PostgreSQL that Obieg starts itself in OBIEG_DATA_DIR/pg.',
  OBIEG_DB_POOL_SIZE:
    'Connections per app node to PostgreSQL (default 10); nodes × pool must stay under max_connections.',
  OBIEG_HTTP_WORKERS:
    'HTTP worker processes of `obieg serve` sharing its port; 0 = one per core, at most 8 (default); 1 = a single process.',
  OBIEG_MAX_FILE_MB: 'Largest accepted file in MB (default 100).',
  OBIEG_SESSION_HOURS: 'Session token lifetime in hours (default 12).',
  LOG_LEVEL: 'pino log level (default info).',
  OBIEG_SEAL_PASSWORD:
    'Password of the office seal (pieczęć elektroniczna) PKCS#12; unset = given with each seal request.',
  SMTP_URL: 'SMTP server for e-mail notifications (smtp:// or smtps://); unset = in-app only.',
  SMTP_FROM: 'Sender of notification e-mails (default "Obieg <obieg@localhost>").',
  OBIEG_NOTIFY_DAYS: 'Working days before a deadline when the handler is warned (default 3).',
  OBIEG_NOTIFY_INTERVAL_S: 'Notification worker period in seconds; 0 disables it (default 30).',
  OBIEG_SEARCH_INTERVAL_S:
    'Search indexer period in seconds (what was changed becomes findable after at most this long); 0 disables it (default 1).',
  OBIEG_PORTAL_OFFICE:
    "Code of the office the citizens' portal (/portal) serves; unset = the only office.",
  OBIEG_PORTAL_LOGIN:
    'Portal sign-in: saml (national node / login.gov.pl), demo (built-in demo identity provider) or off; unset = saml when OBIEG_PORTAL_SAML_ENTRY_POINT is set, demo under `serve --demo`, else off.',
  OBIEG_PORTAL_PUBLIC_URL:
    'Public base URL of the portal, for the SAML assertion consumer URL; unset = taken from each request.',
  OBIEG_PORTAL_SAML_ENTRY_POINT:
    'SAML SingleSignOnService URL of the identity provider (HTTP-Redirect binding).',
  OBIEG_PORTAL_SAML_IDP_CERT: "PEM file with the identity provider's signing certificate(s).",
  OBIEG_PORTAL_SAML_IDP_ENTITY_ID:
    'Entity id the identity provider issues answers as; unset = not checked.',
  OBIEG_PORTAL_SAML_SP_ENTITY_ID:
    'Entity id of the portal as a SAML service provider (default urn:obieg:portal).',
  OBIEG_PORTAL_MAX_FILE_MB: 'Largest attachment a citizen may send, in MB (default 10).',
  OBIEG_PORTAL_MAX_FILES: 'Most attachments per application (default 10).',
  OBIEG_PORTAL_SESSION_MINUTES:
    'Idle time after which a citizen is signed out of the portal, in minutes (default 30).',
  OBIEG_PORTAL_LOOKUP_MAX_FAILURES:
    'Failed status lookups allowed per client and per case within the window (default 10).',
  OBIEG_PORTAL_LOOKUP_WINDOW_MIN: 'Window of the status-lookup limit, in minutes (default 15).',
  OBIEG_METRICS_PORT:
    'Port of the Prometheus metrics (GET /metrics, on HOST, apart from the public port); 0 = off (default).',
  OBIEG_TRUST_PROXY:
    'true = client address (sign-in and lookup limits) from X-Forwarded-For, only behind a reverse proxy that sets it; default false.',
  OBIEG_PORTAL_TRUST_PROXY: 'The same for the portal only (the earlier name); default false.',
  OBIEG_PORTAL_WORKER_INTERVAL_S:
    'Portal worker period in seconds (interrupted registrations, letters not downloaded); 0 disables it (default 60).',
  OBIEG_PORTAL_UNCOLLECTED_DAYS:
    'Days after which a letter not downloaded from the portal is reported to its handler, who sends it by e-Doręczenia or post; the portal has no delivery fiction (default 14).',
  OBIEG_EPUAP_URL:
    'Base URL of the ePUAP service or of `obieg channel simulator` (…/epuap); unset = ePUAP gateway off.',
  OBIEG_EDORECZENIA_URL:
    'Base URL of the e-Doręczenia service or of the simulator (…/edoreczenia); unset = e-Doręczenia gateway off.',
  OBIEG_CHANNEL_INTERVAL_S:
    'Channels gateway period in `serve`, seconds; 0 disables it (default 5).',
  OBIEG_CHANNEL_POLL_S:
    'Rest of a caught-up mailbox before the next listing, seconds (default 60).',
  OBIEG_CHANNEL_PAGE: 'Messages per listing page and per gateway step (default 50).',
  OBIEG_CHANNEL_BACKOFF_BASE_MS:
    'First back-off after a 429/503/network error, ms; doubles per failure, full jitter (default 1000).',
  OBIEG_CHANNEL_BACKOFF_MAX_S: 'Longest back-off of a mailbox, seconds (default 900).',
  OBIEG_CHANNEL_MAX_ATTEMPTS:
    'Failed attempts on one message or letter before it goes to the dead letters (default 8).',
  OBIEG_CHANNEL_LEASE_S:
    'How long one gateway node holds a mailbox; a crashed node releases it after this, seconds (default 120).',
  OBIEG_CHANNEL_PROOF_POLL_S:
    'How often a sent letter’s delivery proof is asked for, seconds (default 900).',
  OBIEG_CHANNEL_TIMEOUT_S: 'Timeout of one request to a national service, seconds (default 30).',
  OBIEG_OCR_INTERVAL_S:
    'OCR worker period in seconds (new scans, due pages); 0 disables it (default 5).',
  OBIEG_OCR_WORKERS:
    'Pages OCR reads at the same time, one tesseract process each (default 1, for 2 cores).',
  OBIEG_OCR_TIMEOUT_S:
    'Longest tesseract/pdftoppm run on one page before it is killed (default 120).',
  OBIEG_OCR_MAX_ATTEMPTS: 'Failed attempts on one page before it is quarantined (default 3).',
  OBIEG_OCR_RETRY_BASE_S:
    'First wait after a failed OCR page in seconds, doubling with each attempt (default 60).',
  OBIEG_OCR_DPI: 'Resolution image-only PDF pages are rasterised at for OCR (default 300).',
  OBIEG_OCR_LANGUAGES: 'Tesseract languages (default pol+eng).',
};

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new Error(`Invalid settings / nieprawidłowa konfiguracja:\n${problems}`);
  }
  const workers = parsed.data.OBIEG_HTTP_WORKERS || Math.min(os.availableParallelism(), 8);
  return {
    ...parsed.data,
    OBIEG_DATA_DIR: path.resolve(parsed.data.OBIEG_DATA_DIR),
    OBIEG_HTTP_WORKERS: workers,
  };
}

/** The settings of a child process of Obieg's: this process's own, with some replaced. */
export function childEnvironment(overrides: Partial<Record<keyof Settings, string>>) {
  return { ...process.env, ...overrides };
}
