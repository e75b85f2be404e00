import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureCrypto } from '../../signatures/crypto.ts';
import type { TestPki } from '../../signatures/throwaway-ca.ts';
import type { ChannelName } from '../channel-client.ts';
import { buildEvidence } from '../edoreczenia/evidence.ts';
import { edoreczeniaSendSchema } from '../edoreczenia/edoreczenia.envelope.ts';
import { epuapSendSchema } from '../epuap/epuap.envelope.ts';
import { buildUpd } from '../epuap/upo.ts';
import {
  simulatedEdoreczeniaEnvelope,
  simulatedEpuapEnvelope,
  type Sign,
} from './simulated-messages.ts';

/**
 * A stand-in for the national services (ePUAP under /epuap, e-Doręczenia under /edoreczenia) that
 * misbehaves on purpose: latency, 429 and 503 answers, a per-mailbox request quota, duplicated
 * and re-listed messages, and a download that stalls half-way (so a test can kill the gateway
 * mid-download). It counts every completed download per message, so a test can prove that no
 * message was downloaded twice. Runnable as `obieg channel simulator`; only binds 127.0.0.1.
 */
export interface SimulatorFaults {
  /** Extra latency of each answer, uniformly in [min, max] ms. */
  latencyMs: [number, number];
  /** Share of requests answered 429 Too Many Requests (with Retry-After). */
  throttleRate: number;
  /** Share of requests answered 503 Service Unavailable. */
  unavailableRate: number;
  /** Share of listing pages that repeat earlier ids or an id twice. */
  duplicateRate: number;
  /** Requests per second a mailbox may make (sliding second); more are answered 429. 0 = no quota. */
  quotaPerSecond: number;
  /** Completed-download counts after which the next download stalls half-way (e.g. [400]). */
  stallAfterDownloads: number[];
}

export const NO_FAULTS: SimulatorFaults = {
  latencyMs: [0, 0],
  throttleRate: 0,
  unavailableRate: 0,
  duplicateRate: 0,
  quotaPerSecond: 0,
  stallAfterDownloads: [],
};

interface InboxMessage {
  id: string;
  n: number;
  receivedAt: Date;
  envelope?: Buffer;
  build: () => Promise<unknown>;
}

interface SentLetter {
  id: string;
  channel: ChannelName;
  mailbox: string;
  addressee: string;
  request: unknown;
  sentAt: Date;
  /** e-Doręczenia: when the letter arrived in the addressee's box (the dowód otrzymania's day). */
  arrivedAt: Date;
  collectedAt: Date | null;
}

export interface SimulatorStats {
  /** Completed downloads per message id (the body was fully sent). */
  downloads: Record<string, number>;
  abortedDownloads: number;
  confirmations: number;
  listings: number;
  duplicatesListed: number;
  throttled: number;
  unavailable: number;
  /** 429s because a mailbox exceeded its quota (the gateway's own rate limit should prevent them). */
  quotaExceeded: number;
  sent: number;
  idempotentReplays: number;
  /** Messages downloaded more than once: must stay empty. */
  redownloaded: string[];
}

export interface ChannelSimulator {
  url: string;
  epuapUrl: string;
  edoreczeniaUrl: string;
  events: EventEmitter;
  faults: SimulatorFaults;
  /** The CA of the simulator's seals and signed letters, for the office's trust anchors. */
  pki(): Promise<TestPki>;
  addMessages(
    channel: ChannelName,
    mailbox: string,
    count: number,
    options?: { sign?: boolean },
  ): string[];
  addEpuapDocument(
    mailbox: string,
    document: { name: string; content: Uint8Array },
    options?: { sign?: boolean },
  ): string;
  /** The addressee opens the letter: UPD / ContentHandover evidence from `at`. */
  collect(channel: ChannelName, externalId: string, at?: Date): void;
  /**
   * e-Doręczenia: the letter arrives in the addressee's box at `at` (ContentConsignment evidence,
   * the dowód otrzymania's arrival day), not when it was sent. By default it arrives at once.
   */
  arrive(externalId: string, at: Date): void;
  sentLetters(): SentLetter[];
  stats(): SimulatorStats;
  close(): Promise<void>;
}

/** A small deterministic PRNG (mulberry32), so a fault pattern can be replayed. */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startChannelSimulator(
  options: {
    port?: number;
    faults?: Partial<SimulatorFaults>;
    seed?: number;
    now?: () => Date;
  } = {},
): Promise<ChannelSimulator> {
  const faults: SimulatorFaults = { ...NO_FAULTS, ...options.faults };
  const random = seededRandom(options.seed ?? 1);
  const now = options.now ?? (() => new Date());
  const events = new EventEmitter();
  const inboxes = new Map<string, InboxMessage[]>();
  const sent = new Map<string, SentLetter>();
  const idempotency = new Map<string, string>();
  const requestTimes = new Map<string, number[]>();
  const stats: SimulatorStats = {
    downloads: {},
    abortedDownloads: 0,
    confirmations: 0,
    listings: 0,
    duplicatesListed: 0,
    throttled: 0,
    unavailable: 0,
    quotaExceeded: 0,
    sent: 0,
    idempotentReplays: 0,
    redownloaded: [],
  };
  let completedDownloads = 0;
  let counter = 0;

  let pkiPromise: Promise<TestPki> | undefined;
  const pki = () => (pkiPromise ??= signatureCrypto().then((crypto) => crypto.createTestPki()));
  const seal = async () => {
    const [p, { loadSigningIdentity }] = await Promise.all([pki(), signatureCrypto()]);
    return loadSigningIdentity(p.officeSeal.p12, p.officeSeal.password);
  };
  const personal = async () => {
    const [p, { loadSigningIdentity }] = await Promise.all([pki(), signatureCrypto()]);
    return loadSigningIdentity(p.personal.p12, p.personal.password);
  };
  const signWith =
    (identity: () => ReturnType<typeof seal>): Sign =>
    async (xml, at) =>
      (await signatureCrypto()).signXmlEnveloped(await identity(), xml, at);

  const key = (channel: ChannelName, mailbox: string) => `${channel} ${mailbox}`;
  const inbox = (channel: ChannelName, mailbox: string) => {
    const k = key(channel, mailbox);
    if (!inboxes.has(k)) inboxes.set(k, []);
    return inboxes.get(k)!;
  };

  function addMessages(
    channel: ChannelName,
    mailbox: string,
    count: number,
    opts: { sign?: boolean } = {},
  ) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const n = ++counter;
      const id =
        channel === 'epuap'
          ? `EPUAP-${String(n).padStart(6, '0')}`
          : `ED-${String(n).padStart(6, '0')}-${(n * 7919) % 100000}`;
      const receivedAt = now();
      const sign = opts.sign ? signWith(channel === 'epuap' ? personal : seal) : undefined;
      const seals = opts.sign ? signWith(seal) : undefined;
      inbox(channel, mailbox).push({
        id,
        n,
        receivedAt,
        build: () =>
          channel === 'epuap'
            ? simulatedEpuapEnvelope({ id, n, mailbox, receivedAt, sign, upoSign: seals })
            : simulatedEdoreczeniaEnvelope({ id, n, mailbox, receivedAt, sign: seals }),
      });
      ids.push(id);
    }
    return ids;
  }

  function addEpuapDocument(
    mailbox: string,
    document: { name: string; content: Uint8Array },
    opts: { sign?: boolean } = {},
  ) {
    const n = ++counter;
    const id = `EPUAP-${String(n).padStart(6, '0')}`;
    const receivedAt = now();
    inbox('epuap', mailbox).push({
      id,
      n,
      receivedAt,
      build: () =>
        simulatedEpuapEnvelope({
          id,
          n,
          mailbox,
          receivedAt,
          document,
          upoSign: opts.sign ? signWith(seal) : undefined,
        }),
    });
    return id;
  }

  function collect(channel: ChannelName, externalId: string, at = now()) {
    const letter = sent.get(`${channel} ${externalId}`);
    if (!letter) throw new Error(`no sent letter ${externalId}`);
    letter.collectedAt = at;
  }

  function arrive(externalId: string, at: Date) {
    const letter = sent.get(`edoreczenia ${externalId}`);
    if (!letter) throw new Error(`no sent letter ${externalId}`);
    letter.arrivedAt = at;
  }

  const send = (
    res: http.ServerResponse,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(text);
  };

  const readBody = (req: http.IncomingMessage) =>
    new Promise<unknown>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined);
        } catch (error) {
          reject(error);
        }
      });
      req.on('error', reject);
    });

  /** Injected faults and the quota; true when the request was answered with one. */
  function misbehave(res: http.ServerResponse, mailboxKey: string): boolean {
    if (faults.quotaPerSecond > 0) {
      const t = performance.now();
      const times = (requestTimes.get(mailboxKey) ?? []).filter((x) => t - x < 1000);
      if (times.length >= faults.quotaPerSecond) {
        stats.quotaExceeded += 1;
        requestTimes.set(mailboxKey, times);
        send(res, 429, { blad: 'limit zapytań' }, { 'retry-after': '1' });
        return true;
      }
      times.push(t);
      requestTimes.set(mailboxKey, times);
    }
    const roll = random();
    if (roll < faults.throttleRate) {
      stats.throttled += 1;
      send(res, 429, { blad: 'zbyt wiele zapytań' }, { 'retry-after': '0' });
      return true;
    }
    if (roll < faults.throttleRate + faults.unavailableRate) {
      stats.unavailable += 1;
      send(res, 503, { blad: 'usługa niedostępna' });
      return true;
    }
    return false;
  }

  function list(
    res: http.ServerResponse,
    messages: InboxMessage[],
    cursor: string | null,
    limit: number,
    render: (ids: string[], next: string | null) => unknown,
  ) {
    stats.listings += 1;
    const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) || 0 : 0;
    const page = messages.slice(start, start + limit).map((m) => m.id);
    if (page.length > 0 && random() < faults.duplicateRate) {
      // The national services deliver at least once: repeat earlier ids and one id twice.
      const earlier = messages.slice(Math.max(0, start - 3), start).map((m) => m.id);
      page.push(page[0]!, ...earlier);
      stats.duplicatesListed += 1 + earlier.length;
    }
    const end = Math.min(messages.length, start + limit);
    const next = Buffer.from(String(end), 'utf8').toString('base64url');
    send(res, 200, render(page, next));
  }

  /**
   * A stall catches the gateway mid-download at a moment that is certain: every download that
   * finished before it has been confirmed (so it is committed on the gateway's side: it confirms
   * after its commit), and other downloads wait without a byte sent until the stall is released.
   * A crash then loses exactly the half-read message.
   */
  const stall = { active: false, resumed: Promise.resolve() as Promise<void>, resume: () => {} };
  const confirmAttempts = new Set<string>();

  async function allDownloadsConfirmed(timeoutMs: number) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (Object.keys(stats.downloads).every((id) => confirmAttempts.has(id))) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async function download(res: http.ServerResponse, message: InboxMessage | undefined) {
    if (!message) return send(res, 404, { blad: 'brak dokumentu' });
    while (stall.active) await stall.resumed;
    message.envelope ??= Buffer.from(JSON.stringify(await message.build()), 'utf8');
    const body = message.envelope;
    let finished = false;
    res.on('finish', () => {
      finished = true;
      completedDownloads += 1;
      const count = (stats.downloads[message.id] ?? 0) + 1;
      stats.downloads[message.id] = count;
      if (count === 2) stats.redownloaded.push(message.id);
    });
    res.on('close', () => {
      if (!finished) stats.abortedDownloads += 1;
    });
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': String(body.length),
    });
    if (faults.stallAfterDownloads.includes(completedDownloads)) {
      faults.stallAfterDownloads = faults.stallAfterDownloads.filter(
        (n) => n !== completedDownloads,
      );
      stall.active = true;
      stall.resumed = new Promise<void>((resolve) => (stall.resume = resolve));
      // Half the body, then nothing: the gateway is caught mid-download.
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      await allDownloadsConfirmed(5000);
      events.emit('stalled', {
        id: message.id,
        release: () => {
          stall.active = false;
          stall.resume();
          if (!res.destroyed) res.end(body.subarray(Math.floor(body.length / 2)));
        },
      });
      return;
    }
    res.end(body);
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const [service, boxes, mailbox, collection, id, action] = parts;
    if (service === '_sim') return control(req, res, parts.slice(1));
    const [lo, hi] = faults.latencyMs;
    if (hi > 0) await new Promise((r) => setTimeout(r, lo + random() * (hi - lo)));
    if ((action === 'potwierdzenie' || action === 'receipt') && id) confirmAttempts.add(id);
    if (service === 'epuap' && boxes === 'skrytki' && mailbox) {
      if (misbehave(res, key('epuap', mailbox))) return;
      const messages = inbox('epuap', mailbox);
      if (req.method === 'GET' && collection === 'oczekujace') {
        return list(
          res,
          messages,
          url.searchParams.get('kursor'),
          Number(url.searchParams.get('limit') ?? 50),
          (ids, next) => ({
            dokumenty: ids.map((identyfikator) => ({ identyfikator })),
            kursor: next,
          }),
        );
      }
      if (collection === 'dokumenty' && id) {
        if (req.method === 'GET' && !action)
          return download(
            res,
            messages.find((m) => m.id === id),
          );
        if (req.method === 'POST' && action === 'potwierdzenie') {
          stats.confirmations += 1;
          return send(res, 204);
        }
      }
      if (collection === 'doreczenia' && req.method === 'POST' && !id)
        return sendLetter(req, res, 'epuap', mailbox);
      if (collection === 'doreczenia' && id && action === 'upd') return proof(res, 'epuap', id);
    }
    if (service === 'edoreczenia' && boxes === 'mailboxes' && mailbox) {
      if (misbehave(res, key('edoreczenia', mailbox))) return;
      const messages = inbox('edoreczenia', mailbox);
      if (req.method === 'GET' && collection === 'messages' && !id) {
        return list(
          res,
          messages,
          url.searchParams.get('cursor'),
          Number(url.searchParams.get('limit') ?? 50),
          (ids, next) => ({
            messages: ids.map((messageId) => ({ messageId })),
            nextCursor: next,
          }),
        );
      }
      if (collection === 'messages' && id) {
        if (req.method === 'GET' && !action)
          return download(
            res,
            messages.find((m) => m.id === id),
          );
        if (req.method === 'POST' && action === 'receipt') {
          stats.confirmations += 1;
          return send(res, 204);
        }
      }
      if (collection === 'outbox' && req.method === 'POST' && !id)
        return sendLetter(req, res, 'edoreczenia', mailbox);
      if (collection === 'outbox' && id && action === 'evidences')
        return proof(res, 'edoreczenia', id);
    }
    send(res, 404, { blad: 'nie ma takiego zasobu' });
  }

  async function sendLetter(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    channel: ChannelName,
    mailbox: string,
  ) {
    const body = await readBody(req);
    const idempotencyKey = req.headers['idempotency-key'];
    const parsed =
      channel === 'epuap' ? epuapSendSchema.safeParse(body) : edoreczeniaSendSchema.safeParse(body);
    if (!parsed.success || typeof idempotencyKey !== 'string')
      return send(res, 400, { blad: 'nieprawidłowe żądanie' });
    const known = idempotency.get(`${channel} ${mailbox} ${idempotencyKey}`);
    let letter = known ? sent.get(`${channel} ${known}`) : undefined;
    if (letter) stats.idempotentReplays += 1;
    else {
      const n = ++counter;
      letter = {
        id:
          channel === 'epuap'
            ? `DOR-${String(n).padStart(6, '0')}`
            : `ED-OUT-${String(n).padStart(6, '0')}`,
        channel,
        mailbox,
        addressee:
          channel === 'epuap'
            ? (parsed.data as { adresSkrytki: string }).adresSkrytki
            : (parsed.data as { recipient: { eDeliveryAddress: string } }).recipient
                .eDeliveryAddress,
        request: parsed.data,
        sentAt: now(),
        arrivedAt: now(),
        collectedAt: null,
      };
      sent.set(`${channel} ${letter.id}`, letter);
      idempotency.set(`${channel} ${mailbox} ${idempotencyKey}`, letter.id);
      stats.sent += 1;
    }
    if (channel === 'epuap')
      return send(res, 200, { identyfikator: letter.id, dataNadania: letter.sentAt.toISOString() });
    const xml = await signWith(seal)(
      buildEvidence({
        id: `SA-${letter.id}`,
        type: 'SubmissionAcceptance',
        eventTime: letter.sentAt,
        messageId: letter.id,
        sender: mailbox,
        recipient: letter.addressee,
      }),
      letter.sentAt,
    );
    send(res, 200, {
      messageId: letter.id,
      evidence: {
        type: 'SubmissionAcceptance',
        eventTime: letter.sentAt.toISOString(),
        fileName: 'dowod-nadania.xml',
        xml: Buffer.from(xml).toString('base64'),
      },
    });
  }

  async function proof(res: http.ServerResponse, channel: ChannelName, id: string) {
    const letter = sent.get(`${channel} ${id}`);
    if (!letter) return send(res, 404, { blad: 'brak przesyłki' });
    if (channel === 'epuap') {
      if (!letter.collectedAt) return send(res, 200, { status: 'oczekuje' });
      // The UPD as ePUAP issues it (UPO/2008/05/09): DataOdbioru, DataUtworzeniaPoswiadczenia,
      // PodmiotWystawiajacyPoswiadczenie, IdentyfikatorSprawy — no DataDoreczenia.
      const request = letter.request as { nazwaAdresata: string; identyfikatorSprawy?: string };
      const upd = await signWith(seal)(
        buildUpd({
          id: `UPD-${letter.id}`,
          collectedAt: letter.collectedAt,
          createdAt: letter.collectedAt,
          issuer: { name: 'Urząd Miasta Demo', id: letter.mailbox },
          addressee: { name: request.nazwaAdresata, box: letter.addressee },
          caseId: request.identyfikatorSprawy,
          documentId: letter.id,
        }),
        letter.collectedAt,
      );
      return send(res, 200, {
        status: 'doreczono',
        upd: {
          nazwaPliku: `UPD-${letter.id}.xml`,
          typPliku: 'text/xml',
          zawartosc: Buffer.from(upd).toString('base64'),
        },
      });
    }
    const evidence = async (
      type: 'SubmissionAcceptance' | 'ContentConsignment' | 'ContentHandover',
      at: Date,
    ) => ({
      type,
      eventTime: at.toISOString(),
      fileName:
        type === 'ContentHandover'
          ? `dowod-otrzymania-odebranie-${letter.id}.xml`
          : type === 'ContentConsignment'
            ? `dowod-otrzymania-wplyniecie-${letter.id}.xml`
            : 'dowod-nadania.xml',
      xml: Buffer.from(
        await signWith(seal)(
          buildEvidence({
            id: `${type}-${letter.id}`,
            type,
            eventTime: at,
            messageId: letter.id,
            sender: letter.mailbox,
            recipient: letter.addressee,
          }),
          at,
        ),
      ).toString('base64'),
    });
    const evidences = [await evidence('SubmissionAcceptance', letter.sentAt)];
    if (letter.arrivedAt <= now())
      evidences.push(await evidence('ContentConsignment', letter.arrivedAt));
    if (letter.collectedAt) evidences.push(await evidence('ContentHandover', letter.collectedAt));
    send(res, 200, { evidences });
  }

  /** /_sim: stats, adding messages and collecting letters over HTTP (for the CLI and other processes). */
  async function control(req: http.IncomingMessage, res: http.ServerResponse, parts: string[]) {
    if (req.method === 'GET' && parts[0] === 'stats') return send(res, 200, stats);
    if (req.method === 'POST' && parts[0] === 'messages') {
      const body = (await readBody(req)) as {
        channel: ChannelName;
        mailbox: string;
        count: number;
        sign?: boolean;
      };
      return send(res, 200, {
        ids: addMessages(body.channel, body.mailbox, body.count, { sign: body.sign ?? false }),
      });
    }
    if (req.method === 'POST' && parts[0] === 'collect') {
      const body = (await readBody(req)) as { channel: ChannelName; id: string };
      collect(body.channel, body.id);
      return send(res, 204);
    }
    if (req.method === 'GET' && parts[0] === 'sent')
      return send(
        res,
        200,
        [...sent.values()].map(({ request: _r, ...l }) => l),
      );
    send(res, 404, { blad: 'nie ma takiego zasobu' });
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { blad: (error as Error).message });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    epuapUrl: `${url}/epuap`,
    edoreczeniaUrl: `${url}/edoreczenia`,
    events,
    faults,
    pki,
    addMessages,
    addEpuapDocument,
    collect,
    arrive,
    sentLetters: () => [...sent.values()],
    stats: () => structuredClone(stats),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
