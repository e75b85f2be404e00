import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import {
  acceptAssignment,
  assignIncoming,
  forwardAssignment,
} from '../modules/assignments/assignments.usecases.ts';
import { openCase } from '../modules/cases/cases.usecases.ts';
import { registerIncoming } from '../modules/incoming/incoming.usecases.ts';
import type { DemoOffice } from './demo-office.ts';

const hoursAgo = (clock: Clock, hours: number) =>
  new Date(clock.now().getTime() - hours * 3600_000).toISOString();

/** A morning's mail in the demo office: letters registered, assigned, some already in cases. */
export async function seedDemoActivity(deps: { db: Db; clock: Clock }, demo: DemoOffice) {
  const kancelaria = { ...deps, actor: await demo.actor('kancelaria') };
  const kierownikFn = { ...deps, actor: await demo.actor('kierownik.fn') };
  const referentFn = { ...deps, actor: await demo.actor('referent.fn') };
  const kierownikOr = { ...deps, actor: await demo.actor('kierownik.or') };
  const address = (town: string, street: string, postalCode: string) => ({
    street,
    postalCode,
    town,
    country: 'Polska',
  });

  const taxLetter = await registerIncoming(kancelaria, {
    title: 'Wniosek o wydanie zaświadczenia o niezaleganiu w podatkach',
    sender: { name: 'Jan Kowalski', address: address('Demo', 'ul. Lipowa 5', '00-950') },
    letterDate: hoursAgo(deps.clock, 48).slice(0, 10),
    receivedAt: hoursAgo(deps.clock, 3),
    channel: 'paper',
  });
  const propertyTax = await registerIncoming(kancelaria, {
    title: 'Informacja o nieruchomościach i obiektach budowlanych (IN-1)',
    sender: { name: 'Maria Wiśniewska', address: address('Demo', 'ul. Polna 12/3', '00-951') },
    receivedAt: hoursAgo(deps.clock, 2),
    channel: 'edoreczenia',
  });
  const complaint = await registerIncoming(kancelaria, {
    title: 'Skarga na przewlekłe załatwianie sprawy',
    sender: {
      name: 'Stowarzyszenie Mieszkańców Osiedla Zachód',
      address: address('Demo', 'ul. Słoneczna 1', '00-952'),
    },
    receivedAt: hoursAgo(deps.clock, 1),
    channel: 'epuap',
  });
  await registerIncoming(kancelaria, {
    title: 'Zapytanie o godziny pracy urzędu w okresie świątecznym',
    sender: { name: 'Krzysztof Nowicki', address: address('Demo', 'brak danych', '00-953') },
    receivedAt: hoursAgo(deps.clock, 1),
    channel: 'email',
  });

  for (const letter of [taxLetter, propertyTax]) {
    const toUnit = await assignIncoming(kancelaria, letter.id, { unitId: demo.units.FN });
    const toHandler = await forwardAssignment(kierownikFn, toUnit.id, {
      userId: demo.people['referent.fn']!,
      method: 'do załatwienia',
    });
    await acceptAssignment(referentFn, toHandler.id);
  }
  await openCase(referentFn, {
    unitId: demo.units.FN,
    jrwaSymbol: '3118',
    title: 'Zaświadczenie o niezaleganiu w podatkach – Jan Kowalski',
    incomingId: taxLetter.id,
  });
  await assignIncoming(kancelaria, complaint.id, {
    unitId: demo.units.OR,
    method: 'do rozpatrzenia',
  });
  void kierownikOr;
}
