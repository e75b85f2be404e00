import type { RegisterIncomingInput } from '../../src/modules/incoming/incoming.schemas.ts';

/** An incoming letter with the mandatory metadata; override what the test is about. */
export function buildIncoming(
  overrides: Partial<RegisterIncomingInput> = {},
): RegisterIncomingInput {
  return {
    title: 'Wniosek o wydanie zaświadczenia o niezaleganiu w podatkach',
    sender: {
      name: 'Jan Kowalski',
      address: {
        street: 'ul. Wojska Polskiego 1',
        postalCode: '72-600',
        town: 'Świnoujście',
        country: 'Polska',
      },
    },
    receivedAt: '2026-03-02T08:30:00+01:00',
    channel: 'paper',
    ...overrides,
  };
}
