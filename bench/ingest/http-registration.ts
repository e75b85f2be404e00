import { BENCH_PASSWORD } from '../generator/bench-office.ts';
import { createRandom } from '../generator/random.ts';
import { sender } from '../generator/polish-data.ts';
import { ApiClient } from '../load/http-client.ts';
import { LatencyRecorder } from '../load/latency-recorder.ts';

/**
 * Registration as the kancelaria does it, through the public HTTP API of the server under test:
 * POST /incoming, then POST /incoming/{id}/attachments with a ~1.5 KB Polish text, `inFlight`
 * letters at a time; or, with `oneRequest`, the letter and its text in one multipart
 * POST /incoming (what a scanner station does). Every `sampleEvery`-th letter is then looked for in the search API by a word
 * only its text holds, polling until it is found (or 30 s), to see how soon a letter is findable.
 */
export interface HttpRegistrationResult {
  letters: number;
  inFlight: number;
  seconds: number;
  lettersPerSecond: number;
  /** Letters per second of each successive 1,000 (does the rate fall as the register grows?). */
  perThousand: number[];
  errors: number;
  appCpuMsPerLetter: number | null;
  postgresCpuMsPerLetter: number | null;
  findable: {
    sampled: number;
    p50Ms: number;
    p95Ms: number;
    maxMs: number;
    over5s: number;
    notFound: number;
  };
}

export interface CpuSample {
  app: number | null;
  postgres: number | null;
}

const GIVE_UP_MS = 30_000;

export async function measureHttpRegistration(
  options: {
    url: URL;
    login: string;
    letters: number;
    inFlight?: number;
    oneRequest?: boolean;
    sampleEvery?: number;
    cpu: () => CpuSample;
  },
  log: (line: string) => void,
): Promise<HttpRegistrationResult> {
  const inFlight = options.inFlight ?? 8;
  const sampleEvery = options.sampleEvery ?? 100;
  const client = new ApiClient(options.url, new LatencyRecorder());
  const token = (
    await client.request('login', 'POST', '/auth/login', {
      json: { login: options.login, password: BENCH_PASSWORD },
    })
  ).json<{ token: string }>().token;
  const random = createRandom(20261203);
  const run = Date.now().toString(36);
  const findTimes: number[] = [];
  const searches: Promise<void>[] = [];
  let notFound = 0;
  let errors = 0;
  const perThousand: number[] = [];
  let done = 0;
  let blockStarted = performance.now();

  const searchFor = async (word: string, since: number) => {
    for (;;) {
      const result = await client.request('GET /search', 'GET', `/search?q=${word}&limit=5`, {
        token,
      });
      if (result.json<unknown[]>().length > 0) {
        findTimes.push(performance.now() - since);
        return;
      }
      if (performance.now() - since > GIVE_UP_MS) {
        notFound += 1;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const registerOne = async (index: number) => {
    const word = distinctiveWord(run, index);
    const letter = {
      title: `Wniosek o wydanie zaświadczenia nr ${index + 1}`,
      sender: sender(random),
      receivedAt: new Date().toISOString(),
      channel: 'paper',
      attachmentsCount: 1,
    };
    const file = { name: `pismo-${index + 1}.txt`, content: Buffer.from(letterText(word, index)) };
    if (options.oneRequest) {
      await client.request('POST /incoming (multipart)', 'POST', '/incoming', {
        token,
        form: { fields: { letter: JSON.stringify(letter) }, file },
      });
      if (index % sampleEvery === 0) searches.push(searchFor(word, performance.now()));
      return;
    }
    const item = (
      await client.request('POST /incoming', 'POST', '/incoming', { token, json: letter })
    ).json<{ id: string }>();
    await client.request(
      'POST /incoming/{id}/attachments',
      'POST',
      `/incoming/${item.id}/attachments`,
      {
        token,
        form: { fields: {}, file },
      },
    );
    if (index % sampleEvery === 0) searches.push(searchFor(word, performance.now()));
  };

  const cpuBefore = options.cpu();
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < options.letters; index = next++) {
      try {
        await registerOne(index);
      } catch {
        errors += 1;
      }
      done += 1;
      if (done % 1000 === 0) {
        const now = performance.now();
        perThousand.push(1000 / ((now - blockStarted) / 1000));
        blockStarted = now;
        log(`  ${done} letters, ${perThousand.at(-1)!.toFixed(1)} letters/s in the last 1,000`);
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = options.cpu();
  await Promise.all(searches);
  client.close();
  const perLetter = (before: number | null, after: number | null) =>
    before === null || after === null ? null : ((after - before) * 1000) / options.letters;
  const sorted = [...findTimes].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    letters: options.letters,
    inFlight,
    seconds,
    lettersPerSecond: options.letters / seconds,
    perThousand,
    errors,
    appCpuMsPerLetter: perLetter(cpuBefore.app, cpuAfter.app),
    postgresCpuMsPerLetter: perLetter(cpuBefore.postgres, cpuAfter.postgres),
    findable: {
      sampled: findTimes.length + notFound,
      p50Ms: at(0.5),
      p95Ms: at(0.95),
      maxMs: sorted.at(-1) ?? 0,
      over5s: sorted.filter((t) => t > 5000).length + notFound,
      notFound,
    },
  };
}

/** A word no other letter holds: letters only, so that no tokenizer splits it. */
function distinctiveWord(run: string, index: number): string {
  const letters = `${run}x${index.toString(36)}`.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!);
  return `znakbench${letters}`;
}

const PARAGRAPH =
  'Zwracam się z uprzejmą prośbą o wydanie zaświadczenia o niezaleganiu w podatkach lokalnych ' +
  'oraz o udzielenie informacji, jakie dokumenty należy dołączyć do wniosku o zwrot nadpłaty. ' +
  'Nieruchomość położona jest przy ulicy Kościuszki, działka ewidencyjna w obrębie Śródmieście. ' +
  'Proszę o przesłanie odpowiedzi na adres korespondencyjny wskazany w nagłówku pisma. ';

/** About 1.5 KB of a citizen's letter with the distinctive word in the middle. */
function letterText(word: string, index: number): string {
  return `Szanowni Państwo,\n\n${PARAGRAPH}${PARAGRAPH}\nSygnatura własna: ${word}.\n\n${PARAGRAPH}${PARAGRAPH.slice(0, 200)}\n\nZ poważaniem, wnioskodawca nr ${index + 1}\n`;
}
