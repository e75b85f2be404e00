import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';

export type Notification = Schemas['Notification'];

export const notificationKeys = { all: ['notifications'] as const };

export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: () => call(api.GET('/api/v1/notifications')),
    refetchInterval: 60_000,
  });
}

export const markRead = (id: string) =>
  call(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));
