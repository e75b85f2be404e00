import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { DEMO_PASSWORD } from '../../demo/demo-office.ts';
import { createUser } from '../org/org.usecases.ts';
import { authenticate, issueApiToken, login, logout } from './auth.usecases.ts';

const office = useDemoOffice();
const sessionDeps = () => ({ db: office.database.db, clock: office.clock, sessionHours: 12 });

describe('signing in', () => {
  it('gives a person a session whose token resolves to them until they sign out', async () => {
    const { token, actor } = await login(sessionDeps(), {
      login: 'referent.fn',
      password: DEMO_PASSWORD,
    });
    expect(actor.userId).toBe(office.demo.people['referent.fn']);
    expect((await authenticate(sessionDeps(), token)).login).toBe('referent.fn');
    await logout(sessionDeps(), token);
    await expect(authenticate(sessionDeps(), token)).rejects.toMatchObject({
      code: 'auth.unauthenticated',
    });
  });

  it('refuses a wrong password the same way as an unknown login', async () => {
    for (const credentials of [
      { login: 'referent.gk', password: 'not-the-password' },
      { login: 'nobody.here', password: DEMO_PASSWORD },
    ]) {
      await expect(login(sessionDeps(), credentials)).rejects.toMatchObject({
        code: 'auth.invalid_credentials',
      });
    }
  });

  it('blocks a login from the guessing address after five failures, never its owner elsewhere', async () => {
    const attempt = (password: string, address: string) =>
      login(sessionDeps(), { login: 'referent.usc', password }, address);
    for (let i = 0; i < 5; i++) {
      await expect(attempt('wrong', '203.0.113.7')).rejects.toMatchObject({
        code: 'auth.invalid_credentials',
      });
    }
    await expect(attempt(DEMO_PASSWORD, '203.0.113.7')).rejects.toMatchObject({
      code: 'auth.throttled',
    });
    // The clerk at their own desk: the guesses elsewhere do not lock them out.
    await expect(attempt(DEMO_PASSWORD, '10.0.0.15')).resolves.toMatchObject({
      actor: { userId: expect.any(String) },
    });
  });

  it('blocks an address that sprays passwords over many logins', async () => {
    const logins = [
      'referent.or',
      'referent.fn',
      'referent.gk',
      'kierownik.ab',
      'referent.ab',
      'x',
    ];
    for (let i = 0; i < 30; i++) {
      await expect(
        login(
          sessionDeps(),
          { login: logins[i % logins.length]!, password: 'Lato2026!' },
          '198.51.100.9',
        ),
      ).rejects.toMatchObject({ code: 'auth.invalid_credentials' });
    }
    await expect(
      login(sessionDeps(), { login: 'referent.osr', password: DEMO_PASSWORD }, '198.51.100.9'),
    ).rejects.toMatchObject({ code: 'auth.throttled' });
    await expect(
      login(sessionDeps(), { login: 'referent.osr', password: DEMO_PASSWORD }, '10.0.0.16'),
    ).resolves.toBeDefined();
  });
});

describe('API tokens of domain systems', () => {
  it('are issued by the administrator to system accounts only, and act as that account', async () => {
    const admin = await office.as('admin');
    const system = await createUser(admin, {
      login: 'system.podatki',
      name: 'System podatkowy',
      unitId: office.demo.units.FN!,
      kind: 'system',
      roles: [{ role: 'system', scope: 'unit' }],
    });
    const issued = await issueApiToken(admin, { userId: system.id, name: 'import deklaracji' });
    expect(issued.token).toMatch(/^oba_/);
    const actor = await authenticate(sessionDeps(), issued.token);
    expect(actor).toMatchObject({ userId: system.id, kind: 'system' });

    await expect(
      issueApiToken(admin, { userId: office.demo.people['referent.fn']!, name: 'x' }),
    ).rejects.toMatchObject({ code: 'auth.not_system_account' });
    await expect(
      issueApiToken(await office.as('kierownik.fn'), { userId: system.id, name: 'x' }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
