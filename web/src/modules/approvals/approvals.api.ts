import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';

export type ApprovalTask = Schemas['ApprovalTask'];
export type ApprovalStep = Schemas['CreateApprovalPath']['steps'][number];

export const approvalKeys = {
  mine: ['approvals', 'mine'] as const,
  paths: ['approvals', 'paths'] as const,
  forDocument: (documentId: string) => ['approvals', 'document', documentId] as const,
};

export function useMyApprovals() {
  return useQuery({
    queryKey: approvalKeys.mine,
    queryFn: () => call(api.GET('/api/v1/approvals/mine')),
  });
}

export function useApprovalPaths() {
  return useQuery({
    queryKey: approvalKeys.paths,
    queryFn: () => call(api.GET('/api/v1/approval-paths')),
  });
}

export function useDocumentApproval(documentId: string) {
  return useQuery({
    queryKey: approvalKeys.forDocument(documentId),
    queryFn: () =>
      call(api.GET('/api/v1/documents/{id}/approval', { params: { path: { id: documentId } } })),
  });
}

export const sendForApproval = (documentId: string, body: Schemas['SendForApproval']) =>
  call(api.POST('/api/v1/documents/{id}/approval', { params: { path: { id: documentId } }, body }));

export const decide = (taskId: string, body: Schemas['ApprovalDecision']) =>
  call(
    api.POST('/api/v1/approval-tasks/{id}/decision', { params: { path: { id: taskId } }, body }),
  );

export const createApprovalPath = (body: Schemas['CreateApprovalPath']) =>
  call(api.POST('/api/v1/approval-paths', { body }));
