import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { loadActor } from './actor-loader.ts';
import { createSubstitution, createUnit, createUser, listPeople } from './org.usecases.ts';

const office = useDemoOffice();

describe('the office structure', () => {
  it('lets only the administrator add units and people, with roles anchored at a unit', async () => {
    const admin = await office.as('admin');
    const unit = await createUnit(admin, { symbol: 'OŚ', name: 'Wydział Ochrony Środowiska' });
    const user = await createUser(admin, {
      login: 'referent.os',
      name: 'Ewa Zielińska',
      password: 'długie-hasło-do-testu',
      unitId: unit.id,
      post: 'inspektor',
      roles: [{ role: 'prowadzacy', scope: 'desk' }],
    });
    const person = (await listPeople(admin)).find((p) => p.id === user.id);
    expect(person).toMatchObject({ login: 'referent.os', unitSymbol: 'OŚ', post: 'inspektor' });
    expect(person?.roles).toEqual([{ role: 'prowadzacy', scope: 'desk', unitId: unit.id }]);

    await expect(
      createUnit(await office.as('kierownik.fn'), { symbol: 'XX', name: 'Nie' }),
    ).rejects.toMatchObject({ code: 'org.forbidden' });
    await expect(
      createUser(admin, { login: 'referent.os', name: 'Druga', unitId: unit.id }),
    ).rejects.toMatchObject({ code: 'org.login_taken' });
  });

  it("gives a substitute the absent person's desk and roles on the days of the substitution", async () => {
    const admin = await office.as('admin');
    const absent = office.demo.people['referent.fn']!;
    const substitute = office.demo.people['referent2.fn']!;
    await createSubstitution(admin, {
      absentUserId: absent,
      substituteUserId: substitute,
      startsOn: '2026-03-02',
      endsOn: '2026-03-06',
    });
    const during = await loadActor(office.database.db, substitute, '2026-03-04');
    expect(during?.deskUserIds).toEqual([substitute, absent]);
    expect(during?.grants.some((grant) => grant.onBehalfOf === absent)).toBe(true);
    const after = await loadActor(office.database.db, substitute, '2026-03-09');
    expect(after?.deskUserIds).toEqual([substitute]);
    expect(after?.grants.some((grant) => grant.onBehalfOf)).toBe(false);
  });
});
