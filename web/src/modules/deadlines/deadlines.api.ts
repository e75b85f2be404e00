import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';

export type CaseDeadline = Schemas['CaseDeadline'];
export type DeadlineKind = Schemas['SetDeadline']['kind'];
export type PauseReason = Schemas['PauseDeadline']['reason'];
export const DEADLINE_KINDS: readonly DeadlineKind[] = [
  'immediate',
  'one_month',
  'two_months',
  'appeal',
  'custom',
];
export const PAUSE_REASONS: readonly PauseReason[] = [
  'suspension',
  'completion',
  'statutory_wait',
  'party_delay',
  'other',
];

export const deadlineKeys = {
  all: ['deadlines'] as const,
  forCase: (caseId: string) => ['cases', caseId, 'deadline'] as const,
  list: (query: DeadlineListQuery) => ['deadlines', query] as const,
};

export interface DeadlineListQuery {
  kind: 'overdue' | 'due_soon';
  within?: number;
  unitId?: string;
  mine?: boolean;
}

export function useCaseDeadline(caseId: string) {
  return useQuery({
    queryKey: deadlineKeys.forCase(caseId),
    queryFn: () =>
      call(api.GET('/api/v1/cases/{id}/deadline', { params: { path: { id: caseId } } })),
  });
}

export function useDeadlineList(query: DeadlineListQuery) {
  return useQuery({
    queryKey: deadlineKeys.list(query),
    queryFn: () =>
      call(
        api.GET('/api/v1/deadlines', {
          params: {
            query: {
              kind: query.kind,
              within: query.within,
              unitId: query.unitId,
              mine: query.mine ? 'true' : undefined,
            },
          },
        }),
      ),
  });
}

const path = (id: string) => ({ params: { path: { id } } });
export const setDeadline = (caseId: string, body: Schemas['SetDeadline']) =>
  call(api.PUT('/api/v1/cases/{id}/deadline', { ...path(caseId), body }));
export const pauseDeadline = (caseId: string, body: Schemas['PauseDeadline']) =>
  call(api.POST('/api/v1/cases/{id}/deadline/pauses', { ...path(caseId), body }));
export const resumeDeadline = (caseId: string, body: Schemas['ResumeDeadline']) =>
  call(api.POST('/api/v1/cases/{id}/deadline/resume', { ...path(caseId), body }));
export const extendDeadline = (caseId: string, body: Schemas['ExtendDeadline']) =>
  call(api.POST('/api/v1/cases/{id}/deadline/extensions', { ...path(caseId), body }));
