import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';

export type Assignment = Schemas['Assignment'];
export type AssignInput = Schemas['Assign'];

export const assignmentKeys = {
  forItem: (incomingId: string) => ['incoming', incomingId, 'assignments'] as const,
  // Under 'incoming' so that any change to letters refreshes the desk as well.
  mine: ['incoming', 'assignments', 'mine'] as const,
};

/** Common ways of handling an assignment (free text on the server; these are suggestions). */
export const METHOD_SUGGESTIONS = [
  'do załatwienia',
  'do wiadomości',
  'do opinii',
  'według właściwości',
];

export function useAssignments(incomingId: string) {
  return useQuery({
    queryKey: assignmentKeys.forItem(incomingId),
    queryFn: () =>
      call(api.GET('/api/v1/incoming/{id}/assignments', { params: { path: { id: incomingId } } })),
  });
}

/** Letters waiting at my desk: assigned to me, to people I substitute, or to my unit as its head. */
export function useMyAssignments() {
  return useQuery({
    queryKey: assignmentKeys.mine,
    queryFn: () => call(api.GET('/api/v1/assignments/mine')),
  });
}

export const assign = (incomingId: string, body: AssignInput) =>
  call(
    api.POST('/api/v1/incoming/{id}/assignments', { params: { path: { id: incomingId } }, body }),
  );
export const acceptAssignment = (id: string) =>
  call(api.POST('/api/v1/assignments/{id}/accept', { params: { path: { id } } }));
export const returnAssignment = (id: string, comment: string) =>
  call(
    api.POST('/api/v1/assignments/{id}/return', { params: { path: { id } }, body: { comment } }),
  );
export const forwardAssignment = (id: string, body: AssignInput) =>
  call(api.POST('/api/v1/assignments/{id}/forward', { params: { path: { id } }, body }));
export const changeAssignment = (id: string, body: Schemas['ChangeAssignment']) =>
  call(api.PATCH('/api/v1/assignments/{id}', { params: { path: { id } }, body }));
