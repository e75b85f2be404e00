import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { gatewayFor, testFileStore } from '../../../test/support/channel-gateway.ts';
import { createSignedDocument } from '../../../test/support/signing.ts';
import { getIncoming } from '../incoming/incoming.usecases.ts';
import { registerOutgoing, showOutgoing } from '../dispatch/dispatch.usecases.ts';
import { loadActor } from '../org/actor-loader.ts';
import { addTrustAnchor } from '../signatures/signing-credentials.usecases.ts';
import { loadSigningIdentity } from '../signatures/pkcs12.ts';
import { signXmlEnveloped } from '../signatures/xades-sign.ts';
import { channelDispatchOutlet } from './channels-outlet.ts';
import { addMailbox, getProvenance, listQueues, retryInbound } from './channels.usecases.ts';
import { buildGeneralLetter } from './epuap/general-letter.builder.ts';
import { runGatewayPass } from './gateway.ts';
import { importSavedMessage } from './import.usecases.ts';
import { downloadListed, listNextPage } from './inbound.usecases.ts';
import { startChannelSimulator, type ChannelSimulator } from './simulator/channel-simulator.ts';
import { ensureGatewayUser } from './gateway-user.ts';
import { parseUpd } from './epuap/upo.ts';
import { localDate } from '../../platform/clock.ts';

const office = useDemoOffice();
const files = testFileStore('channels-db');
const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url)));

const EPUAP_BOX = '/um-demo/SkrytkaESP';
const ADE = 'AE:PL-51234-56789-UMDEM-01';
let simulator: ChannelSimulator;

beforeAll(async () => {
  simulator = await startChannelSimulator({ now: () => office.clock.now() });
  const admin = await office.as('admin');
  await addTrustAnchor(admin, fixture('epuap-test-ca.pem'));
  await addTrustAnchor(admin, (await simulator.pki()).ca.certificate.raw);
  await addMailbox(admin, { channel: 'epuap', address: EPUAP_BOX, name: 'Skrytka ESP urzędu' });
  await addMailbox(admin, {
    channel: 'edoreczenia',
    address: ADE,
    name: 'Adres do doręczeń urzędu',
  });
});
afterAll(() => simulator?.close());

const gateway = (overrides: Parameters<typeof gatewayFor>[2] = {}) =>
  gatewayFor(simulator, { db: office.database.db, clock: office.clock, files }, overrides);
const kancelaria = async () => ({ ...(await office.as('kancelaria')), files });

async function mailboxRow(address: string) {
  return office.database.db
    .selectFrom('channel_mailboxes')
    .selectAll()
    .where('address', '=', address)
    .executeTakeFirstOrThrow();
}

async function itemFor(externalId: string) {
  const row = await office.database.db
    .selectFrom('channel_messages')
    .selectAll()
    .where('external_id', '=', externalId)
    .executeTakeFirstOrThrow();
  return {
    row,
    item: row.incoming_id ? await getIncoming(await kancelaria(), row.incoming_id) : null,
  };
}

describe('national channels gateway', () => {
  it('registers a real-format ePUAP general letter with sender, title, attachment, UPP time and signature report', async () => {
    const id = simulator.addEpuapDocument(
      EPUAP_BOX,
      {
        name: 'Pismo_ogolne_do_podmiotu_publicznego.xml',
        content: fixture('epuap-pismo-ogolne.xml'),
      },
      { sign: true },
    );
    const pass = await runGatewayPass(gateway());
    expect(pass).toMatchObject({ listed: 1, downloaded: 1, registered: 1 });

    const { row, item } = await itemFor(id);
    expect(row.state).toBe('registered');
    expect(item).toMatchObject({
      channel: 'epuap',
      title: 'Wniosek o wydanie zaświadczenia o niezaleganiu w podatkach',
      sender: {
        name: 'Jan Kowalski',
        address: {
          street: 'ul. Wojska Polskiego 12/4',
          postalCode: '72-600',
          town: 'Świnoujście',
          country: 'Polska',
        },
      },
      letterDate: '2026-02-27',
      kind: 'wniosek',
      attachmentsCount: 1,
      // The received time is the UPP's DataDoreczenia (the simulator issues it on arrival).
      receivedAt: office.clock.now().toISOString(),
    });
    expect(item!.rpwNumber).toMatch(/^RPW\/\d+\/2026$/);
    expect(item!.remarks).toContain('Adres do odpowiedzi (ePUAP): /');
    expect(item!.remarks).toContain(
      'Podpis Pismo_ogolne_do_podmiotu_publicznego.xml: ważny – SERIALNUMBER=PNOPL-80010112345, CN=Jan Kowalski, C=PL',
    );
    expect(item!.files.map((f) => [f.name, f.contentType])).toEqual([
      ['Pismo_ogolne_do_podmiotu_publicznego.xml', 'application/xml'],
      ['potwierdzenie-oplaty-skarbowej.pdf', 'application/pdf'],
      ['UPP.xml', 'application/xml'],
      ['weryfikacja-podpisow.json', 'text/plain'],
    ]);
    const original = await files.get(item!.files[0]!.sha256);
    expect(original.equals(Buffer.from(fixture('epuap-pismo-ogolne.xml')))).toBe(true);

    const provenance = await getProvenance(await kancelaria(), item!.id);
    expect(provenance).toMatchObject({
      channel: 'epuap',
      mailboxAddress: EPUAP_BOX,
      externalId: id,
    });
    const document = provenance.signatures.find((s) => s.role === 'document')!;
    expect(document.reports[0]).toMatchObject({
      valid: true,
      format: 'xades-bes',
      integrity: 'ok',
      signingTime: '2026-02-27T20:14:09.000Z',
      certificate: { chain: 'trusted', validAtSigningTime: true },
    });
    const upp = provenance.signatures.find((s) => s.role === 'proof')!;
    expect(upp.reports[0]).toMatchObject({
      valid: true,
      signer: { subject: expect.stringContaining('Urząd Miasta Demo') },
    });

    // Nothing is downloaded or registered twice, however often the gateway runs.
    office.clock.advance(61_000);
    await runGatewayPass(gateway());
    expect(simulator.stats().downloads[id]).toBe(1);
    expect(
      await office.database.db
        .selectFrom('incoming_items')
        .select('id')
        .where('channel', '=', 'epuap')
        .execute(),
    ).toHaveLength(1);
  });

  it('imports saved letters once: the same file again, or one already received, registers nothing new', async () => {
    const gatewayUser = await ensureGatewayUser(await office.as('admin'));
    const actor = (await loadActor(office.database.db, gatewayUser, '2026-03-02'))!;
    const deps = { db: office.database.db, clock: office.clock, files, actor };

    const received = await importSavedMessage(deps, {
      document: { name: 'pismo.xml', content: fixture('epuap-pismo-ogolne.xml') },
      proof: { name: 'UPP.xml', content: fixture('epuap-pismo-ogolne.upp.xml') },
    });
    expect(received.alreadyRegistered).toBe(true);

    const pki = await simulator.pki();
    const identity = await loadSigningIdentity(pki.personal.p12, pki.personal.password);
    const xml = buildGeneralLetter({
      createdAt: new Date('2026-02-20T12:00:00Z'),
      letterDate: '2026-02-20',
      place: 'Świnoujście',
      title: 'Skarga na opieszałość',
      kind: 'skarga',
      information: ['Treść skargi.'],
      sender: {
        kind: 'person',
        givenName: 'Ewa',
        surname: 'Nowicka',
        address: {
          town: 'Świnoujście',
          postalCode: '72-600',
          street: 'Kasprowicza',
          building: '2',
        },
      },
      addressee: { name: 'Urząd Miasta Demo', address: { town: 'Świnoujście' } },
      attachments: [
        {
          name: 'zdjecie.txt',
          format: 'text/plain',
          content: new TextEncoder().encode('opis zdjęcia'),
        },
      ],
    });
    const signed = new TextEncoder().encode(
      await signXmlEnveloped(identity, xml, new Date('2026-02-20T12:00:00Z')),
    );
    const first = await importSavedMessage(deps, {
      document: { name: 'skarga.xml', content: signed },
      receivedAt: new Date('2026-02-20T12:00:05Z'),
    });
    expect(first.alreadyRegistered).toBe(false);
    expect(first.signatures[0]!.reports[0]!.valid).toBe(true);
    const again = await importSavedMessage(deps, {
      document: { name: 'skarga-kopia.xml', content: signed },
      receivedAt: new Date('2026-02-21T08:00:00Z'),
    });
    expect(again).toMatchObject({
      alreadyRegistered: true,
      rpwNumber: first.rpwNumber,
      incomingId: first.incomingId,
    });
    const item = await getIncoming(await kancelaria(), first.incomingId);
    expect(item).toMatchObject({
      title: 'Skarga na opieszałość',
      kind: 'skarga',
      receivedAt: '2026-02-20T12:00:05.000Z',
    });
  });

  it('registers e-Doręczenia messages at the time of their dowód otrzymania, with attachments and evidence', async () => {
    const ids = simulator.addMessages('edoreczenia', ADE, 3, { sign: true });
    const pass = await runGatewayPass(gateway());
    expect(pass.registered).toBe(3);
    const { item } = await itemFor(ids[0]!);
    expect(item).toMatchObject({
      channel: 'edoreczenia',
      receivedAt: office.clock.now().toISOString(),
      attachmentsCount: 1,
    });
    expect(item!.title).toContain('(e-Doręczenia, nr');
    expect(item!.remarks).toMatch(/Adres do odpowiedzi \(e-Doręczenia\): AE:PL-/);
    expect(item!.files.map((f) => f.name)).toEqual([
      'tresc-wiadomosci.txt',
      expect.stringMatching(/^pismo-\d+\.pdf$/),
      'dowod-otrzymania.xml',
      'weryfikacja-podpisow.json',
    ]);
    const provenance = await getProvenance(await kancelaria(), item!.id);
    expect(provenance.signatures.map((s) => [s.file, s.role, s.reports[0]!.valid])).toEqual([
      ['dowod-otrzymania.xml', 'proof', true],
    ]);
  });

  it('registers after a restart what was downloaded but not yet registered when the gateway died', async () => {
    const [id] = simulator.addMessages('epuap', EPUAP_BOX, 1);
    const crashed = gateway({ nodeId: 'crashed-node' });
    const mailbox = await mailboxRow(EPUAP_BOX);
    const client = crashed.clients.epuap!;
    const call = <T>(work: (s: AbortSignal | undefined) => Promise<T>) => work(undefined);
    await listNextPage(crashed, mailbox, client, call);
    expect(await downloadListed(crashed, mailbox, client, call)).toBe(1);
    expect((await itemFor(id!)).row.state).toBe('fetched');

    const restarted = await runGatewayPass(gateway({ nodeId: 'restarted-node' }));
    expect(restarted).toMatchObject({ downloaded: 0, registered: 1 });
    expect((await itemFor(id!)).row.state).toBe('registered');
    expect(simulator.stats().downloads[id!]).toBe(1);
  });

  it('backs a mailbox off on 503 and 429, and comes back when the service does', async () => {
    const [id] = simulator.addMessages('edoreczenia', ADE, 1);
    await office.database.db
      .updateTable('channel_mailboxes')
      .set({ next_poll_at: office.clock.now() })
      .execute();
    simulator.faults.unavailableRate = 1;
    await runGatewayPass(gateway());
    let mailbox = await mailboxRow(ADE);
    // Three short waits within the run, then the mailbox is left until its back-off ends.
    expect(mailbox.failures).toBe(3);
    expect(mailbox.last_error).toContain('HTTP 503');
    expect(mailbox.next_poll_at.getTime()).toBeGreaterThan(office.clock.now().getTime());
    // Not due yet: the next run leaves it alone.
    expect((await runGatewayPass(gateway())).mailboxes).toBe(0);

    simulator.faults.unavailableRate = 0;
    simulator.faults.throttleRate = 1;
    office.clock.advance(1000);
    await runGatewayPass(gateway());
    mailbox = await mailboxRow(ADE);
    expect(mailbox.failures).toBe(4);
    expect(mailbox.last_error).toContain('HTTP 429');

    simulator.faults.throttleRate = 0;
    office.clock.advance(1000);
    const pass = await runGatewayPass(gateway());
    expect(pass.registered).toBe(1);
    mailbox = await mailboxRow(ADE);
    expect(mailbox).toMatchObject({ failures: 0, last_error: null });
    expect(simulator.stats().downloads[id!]).toBe(1);
  });

  it('moves an unreadable message to the dead letters with its reason, and retries it on request', async () => {
    const id = simulator.addEpuapDocument(EPUAP_BOX, {
      name: 'uszkodzony.xml',
      content: new TextEncoder().encode('to nie jest XML'),
    });
    await office.database.db
      .updateTable('channel_mailboxes')
      .set({ next_poll_at: office.clock.now() })
      .execute();
    await runGatewayPass(gateway());
    const { row } = await itemFor(id);
    expect(row.state).toBe('dead');
    expect(row.dead_reason).toContain('channel.malformed_message');

    const queues = await listQueues(await office.as('kancelaria'));
    expect(queues.deadLetters).toContainEqual(
      expect.objectContaining({
        kind: 'inbound',
        id: row.id,
        reference: id,
        mailboxAddress: EPUAP_BOX,
      }),
    );
    const epuap = queues.mailboxes.find((m) => m.address === EPUAP_BOX)!;
    expect(epuap.inbound).toMatchObject({ registered: 2, dead: 1, listed: 0, fetched: 0 });
    await expect(listQueues(await office.as('referent.fn'))).rejects.toMatchObject({
      code: 'channel.forbidden',
    });

    expect(await retryInbound(await office.as('kancelaria'), row.id)).toMatchObject({
      state: 'fetched',
    });
    await runGatewayPass(gateway());
    const again = await itemFor(id);
    expect(again.row).toMatchObject({ state: 'dead', attempts: 1 });
    // Retried from the stored copy: the service was not asked again.
    expect(simulator.stats().downloads[id]).toBe(1);
    const retried = await office.database.db
      .selectFrom('audit_events')
      .select('description')
      .where('action', '=', 'channel.dead_letter_retried')
      .execute();
    expect(retried).toHaveLength(1);
  });

  it('sends by e-Doręczenia and files the dowód otrzymania: collection, arrival at a public entity, or the fiction counted from the arrival day in it (u.d.e. art. 42), never from our sending', async () => {
    const doc = (title: string) => createSignedDocument(office, files, { title });
    const collected = await doc('Decyzja o wymiarze podatku – odebrana');
    const uncollected = await doc('Decyzja o wymiarze podatku – nieodebrana');
    const late = await doc('Decyzja o wymiarze podatku – wpłynęła nazajutrz');
    const toSko = await doc('Akta sprawy dla SKO');
    const register = async (
      documentId: string,
      ade: string,
      addressee: { name: string; kind?: 'person' | 'public_entity' } = { name: 'Jan Kowalski' },
    ) =>
      registerOutgoing(await office.as('referent.fn'), {
        documentId,
        addressee,
        electronicAddress: ade,
        method: 'edoreczenia',
      });
    const first = await register(collected.documentId, 'AE:PL-11111-22222-KOWAL-11');
    const second = await register(uncollected.documentId, 'AE:PL-33333-44444-NOWAK-22');
    const third = await register(late.documentId, 'AE:PL-77777-88888-LATEA-44');
    const sko = await register(toSko.documentId, 'AE:PL-55555-66666-SKOSZ-33', {
      name: 'Samorządowe Kolegium Odwoławcze w Szczecinie',
      kind: 'public_entity',
    });

    expect((await runGatewayPass(gateway())).sent).toBe(4);
    const letters = simulator.sentLetters().filter((l) => l.channel === 'edoreczenia');
    expect(letters).toHaveLength(4);
    type Request = { attachments: Array<{ fileName: string }>; senderReference: string };
    const letterOf = (rkwNumber: string) =>
      letters.find((l) => (l.request as Request).senderReference === rkwNumber)!;
    const request = letterOf(first.rkwNumber).request as Request;
    expect(request.attachments.map((a) => a.fileName)).toEqual([
      'decyzja.pdf',
      'decyzja.pdf.xades',
    ]);
    expect(await showOutgoing(await office.as('kancelaria'), first.id)).toMatchObject({
      status: 'sent',
      arrivedOn: null,
      fictionDate: null,
    });
    // The operator puts the third letter in the addressee's box only the next day.
    simulator.arrive(letterOf(third.rkwNumber).id, new Date('2026-03-03T10:00:00+01:00'));

    // The addressee opens the first letter two days later.
    office.clock.advance(2 * 86_400_000);
    simulator.collect('edoreczenia', letterOf(first.rkwNumber).id, office.clock.now());
    expect((await runGatewayPass(gateway())).delivered).toBe(2);
    const kancelaria = await office.as('kancelaria');
    expect(await showOutgoing(kancelaria, first.id)).toMatchObject({
      status: 'delivered',
      deliveryKind: 'electronic_proof',
      deliveredOn: '2026-03-04',
      appealTerm: '14d',
      proofName: 'dowód otrzymania',
    });
    const proofRow = await office.database.db
      .selectFrom('outgoing_items as g')
      .innerJoin('files as f', 'f.id', 'g.proof_file_id')
      .innerJoin('files as a', 'a.id', 'g.arrival_proof_file_id')
      .select(['f.original_name as proof', 'a.original_name as arrival'])
      .where('g.id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(proofRow.proof).toMatch(/^dowod-otrzymania-odebranie-/);
    expect(proofRow.arrival).toMatch(/^dowod-otrzymania-wplyniecie-/);
    const record = await office.database.db
      .selectFrom('case_record_rows')
      .select('description')
      .where('case_id', '=', collected.caseId)
      .where('action', '=', 'outgoing.delivered')
      .executeTakeFirstOrThrow();
    expect(record.description).toContain('dowód otrzymania – odebranie przez adresata');
    expect(record.description).not.toContain('UPD');
    // To a public entity the letter is delivered when it arrives (art. 42 ust. 1 pkt 2).
    expect(await showOutgoing(kancelaria, sko.id)).toMatchObject({
      status: 'delivered',
      deliveryKind: 'arrival',
      deliveredOn: '2026-03-02',
    });
    // The others wait, each with the fiction day counted from its own arrival.
    expect(await showOutgoing(kancelaria, second.id)).toMatchObject({
      status: 'sent',
      arrivedOn: '2026-03-02',
      fictionDate: '2026-03-17',
    });
    expect(await showOutgoing(kancelaria, third.id)).toMatchObject({
      status: 'sent',
      arrivedOn: '2026-03-03',
      fictionDate: '2026-03-18',
    });

    // Never opened: deemed delivered the day after 14 days from the arrival day.
    office.clock.advance(14 * 86_400_000);
    expect((await runGatewayPass(gateway())).delivered).toBe(2);
    expect(await showOutgoing(kancelaria, second.id)).toMatchObject({
      status: 'delivered',
      deliveryKind: 'fiction',
      deliveredOn: '2026-03-17',
      appealDue: '2026-03-31',
    });
    expect(await showOutgoing(kancelaria, third.id)).toMatchObject({
      deliveryKind: 'fiction',
      deliveredOn: '2026-03-18',
    });
    // A re-send after a crash would be the same letter: the key is the outgoing item.
    expect(simulator.stats().sent).toBe(4);
  });

  it('sends by ePUAP and files the UPD in the official layout, delivered on its DataOdbioru', async () => {
    const signed = await createSignedDocument(office, files, { title: 'Postanowienie – ePUAP' });
    const outgoing = await registerOutgoing(await office.as('referent.fn'), {
      documentId: signed.documentId,
      addressee: { name: 'Jan Kowalski' },
      electronicAddress: '/jan.kowalski/domyslna',
      method: 'epuap',
    });
    await office.database.db
      .updateTable('channel_mailboxes')
      .set({ next_poll_at: office.clock.now() })
      .execute();
    expect((await runGatewayPass(gateway())).sent).toBe(1);
    const letter = simulator.sentLetters().find((l) => l.channel === 'epuap')!;
    expect(letter.addressee).toBe('/jan.kowalski/domyslna');
    office.clock.advance(3_600_000);
    simulator.collect('epuap', letter.id, office.clock.now());
    office.clock.advance(DEFAULT_PROOF_WAIT);
    expect((await runGatewayPass(gateway())).delivered).toBe(1);
    const delivered = await showOutgoing(await office.as('kancelaria'), outgoing.id);
    expect(delivered).toMatchObject({
      status: 'delivered',
      deliveryKind: 'electronic_proof',
      proofName: 'urzędowe poświadczenie doręczenia (UPD)',
    });
    const proof = await office.database.db
      .selectFrom('outgoing_items as g')
      .innerJoin('files as f', 'f.id', 'g.proof_file_id')
      .select('f.sha256')
      .where('g.id', '=', outgoing.id)
      .executeTakeFirstOrThrow();
    const upd = parseUpd(new Uint8Array(await files.get(proof.sha256)));
    const caseSign = (
      await office.database.db
        .selectFrom('cases')
        .select('sign')
        .where('id', '=', signed.caseId)
        .executeTakeFirstOrThrow()
    ).sign;
    expect(upd).toMatchObject({ kind: 'UPD', caseId: caseSign, issuer: 'Urząd Miasta Demo' });
    expect(delivered.deliveredOn).toBe(localDate(upd.collectedAt));
  });

  it('queues a letter for the sending mailbox when it is registered, through the dispatch outlet', async () => {
    const signed = await createSignedDocument(office, files, { title: 'Zawiadomienie – ePUAP' });
    const outgoing = await registerOutgoing(
      { ...(await office.as('referent.fn')), outlets: { epuap: channelDispatchOutlet('epuap') } },
      {
        documentId: signed.documentId,
        addressee: { name: 'Jan Kowalski' },
        electronicAddress: '/jan.kowalski/domyslna',
        method: 'epuap',
      },
    );
    const queued = await office.database.db
      .selectFrom('channel_outbound')
      .innerJoin('channel_mailboxes', 'channel_mailboxes.id', 'channel_outbound.mailbox_id')
      .select(['channel_outbound.state', 'channel_outbound.queued_at', 'channel_mailboxes.address'])
      .where('channel_outbound.outgoing_id', '=', outgoing.id)
      .executeTakeFirstOrThrow();
    // Queued with the registration, before any pass of the gateway; not sent yet.
    expect(queued).toEqual({ state: 'queued', queued_at: office.clock.now(), address: EPUAP_BOX });
    expect((await showOutgoing(await office.as('kancelaria'), outgoing.id)).status).toBe(
      'registered',
    );
    // Out of the queue again, so that no other test's gateway pass sends it.
    await office.database.db
      .deleteFrom('channel_outbound')
      .where('outgoing_id', '=', outgoing.id)
      .execute();
  });
});

const DEFAULT_PROOF_WAIT = 15 * 60_000;
