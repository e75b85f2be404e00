import { describe, expect, it } from 'vitest';
import { buildIncoming } from '../../../test/support/factories.ts';
import { useTestApi } from '../../../test/support/http.ts';

const api = useTestApi();

describe('channels API /api/v1/channels', () => {
  it('lets the administrator configure mailboxes and the kancelaria watch the queues; nobody else', async () => {
    const admin = await api.login('admin');
    const kancelaria = await api.login('kancelaria');
    const referent = await api.login('referent.fn');

    const mailbox = {
      channel: 'edoreczenia',
      address: 'AE:PL-51234-56789-UMDEM-01',
      name: 'ADE urzędu',
    };
    expect((await kancelaria.post('/api/v1/channels/mailboxes', mailbox)).status).toBe(403);
    const created = await admin.post('/api/v1/channels/mailboxes', mailbox);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      channel: 'edoreczenia',
      address: mailbox.address,
      requestsPerSecond: 5,
      failures: 0,
      inbound: { listed: 0, fetched: 0, registered: 0, dead: 0 },
    });
    const again = await admin.post('/api/v1/channels/mailboxes', mailbox);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe(
      'channel.mailbox_taken',
    );

    const queues = await kancelaria.get('/api/v1/channels/queues');
    expect(queues.status).toBe(200);
    expect(await queues.json()).toMatchObject({
      mailboxes: [{ address: mailbox.address, caughtUpAt: null }],
      deadLetters: [],
      waitingForMailbox: { epuap: 0, edoreczenia: 0 },
    });
    expect((await referent.get('/api/v1/channels/queues')).status).toBe(403);

    // The gateway's system account exists now, with the roles it acts in.
    const people = (await (await admin.get('/api/v1/org/people')).json()) as Array<{
      login: string;
      kind: string;
      roles: Array<{ role: string; scope: string }>;
    }>;
    expect(people.find((p) => p.login === 'bramka.demo')).toMatchObject({
      kind: 'system',
      roles: expect.arrayContaining([
        expect.objectContaining({ role: 'system', scope: 'office' }),
        expect.objectContaining({ role: 'kancelaria', scope: 'office' }),
      ]),
    });
  });

  it('answers 404 for an unknown dead letter and for a letter that did not come through a channel', async () => {
    const kancelaria = await api.login('kancelaria');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await kancelaria.post(`/api/v1/channels/inbound/${unknown}/retry`)).status).toBe(404);
    expect((await kancelaria.post(`/api/v1/channels/outbound/${unknown}/retry`)).status).toBe(404);
    const paper = await kancelaria.post('/api/v1/incoming', buildIncoming());
    const { id } = (await paper.json()) as { id: string };
    const provenance = await kancelaria.get(`/api/v1/channels/incoming/${id}`);
    expect(provenance.status).toBe(404);
    expect(((await provenance.json()) as { error: { code: string } }).error.code).toBe(
      'channel.message_not_found',
    );
  });
});
