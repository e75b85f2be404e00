import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { buildIncoming } from '../../../test/support/factories.ts';
import { registerIncoming } from '../incoming/incoming.usecases.ts';
import {
  acceptAssignment,
  assignIncoming,
  changeAssignment,
  forwardAssignment,
  listAssignments,
  returnAssignment,
} from './assignments.usecases.ts';

const office = useDemoOffice();

describe('assignment (dekretacja)', () => {
  it('goes from kancelaria to the unit, from the head to a handler, who accepts; history is kept', async () => {
    const kancelaria = await office.as('kancelaria');
    const letter = await registerIncoming(kancelaria, buildIncoming());
    const toUnit = await assignIncoming(kancelaria, letter.id, {
      unitId: office.demo.units.FN,
      deadline: '2026-03-16',
    });
    const toHandler = await forwardAssignment(await office.as('kierownik.fn'), toUnit.id, {
      userId: office.demo.people['referent.fn']!,
      method: 'proszę o projekt odpowiedzi',
    });
    await acceptAssignment(await office.as('referent.fn'), toHandler.id);
    const history = await listAssignments(kancelaria, letter.id);
    expect(history.map((a) => [a.status, a.parentId])).toEqual([
      ['forwarded', null],
      ['accepted', toUnit.id],
    ]);
    expect(history[1]).toMatchObject({
      method: 'proszę o projekt odpowiedzi',
      userId: office.demo.people['referent.fn'],
    });
  });

  it('returns to the assigner with a comment', async () => {
    const kancelaria = await office.as('kancelaria');
    const letter = await registerIncoming(kancelaria, buildIncoming());
    const assignment = await assignIncoming(kancelaria, letter.id, {
      unitId: office.demo.units.GK,
    });
    await returnAssignment(
      await office.as('kierownik.gk'),
      assignment.id,
      'Sprawa należy do Wydziału Finansowego',
    );
    const [returned] = await listAssignments(kancelaria, letter.id);
    expect(returned).toMatchObject({
      status: 'returned',
      comment: 'Sprawa należy do Wydziału Finansowego',
    });
    await expect(
      acceptAssignment(await office.as('kierownik.gk'), assignment.id),
    ).rejects.toMatchObject({ code: 'assignment.not_found' });
  });

  it('lets only the assigner change method and deadline', async () => {
    const kancelaria = await office.as('kancelaria');
    const letter = await registerIncoming(kancelaria, buildIncoming());
    const assignment = await assignIncoming(kancelaria, letter.id, {
      userId: office.demo.people['referent.fn']!,
    });
    await expect(
      changeAssignment(await office.as('referent.fn'), assignment.id, { deadline: '2026-04-01' }),
    ).rejects.toMatchObject({ code: 'assignment.not_assigner' });
    await changeAssignment(kancelaria, assignment.id, {
      deadline: '2026-04-01',
      method: 'do wiadomości',
    });
    const [changed] = await listAssignments(kancelaria, letter.id);
    expect(changed).toMatchObject({ deadline: '2026-04-01', method: 'do wiadomości' });
  });

  it('lets only the assignee accept, and a substitute act for them', async () => {
    const kancelaria = await office.as('kancelaria');
    const admin = await office.as('admin');
    const letter = await registerIncoming(kancelaria, buildIncoming());
    const assignment = await assignIncoming(kancelaria, letter.id, {
      userId: office.demo.people['referent.fn']!,
    });
    await expect(
      acceptAssignment(await office.as('referent2.fn'), assignment.id),
    ).rejects.toMatchObject({ code: 'assignment.not_found' });
    const { createSubstitution } = await import('../org/org.usecases.ts');
    await createSubstitution(admin, {
      absentUserId: office.demo.people['referent.fn']!,
      substituteUserId: office.demo.people['referent2.fn']!,
      startsOn: '2026-03-01',
      endsOn: '2026-03-13',
    });
    await acceptAssignment(await office.as('referent2.fn'), assignment.id);
    expect((await listAssignments(kancelaria, letter.id))[0]?.status).toBe('accepted');
  });
});
