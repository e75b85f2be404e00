import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { archiveKeys } from './archive.api.ts';

/** Runs one archive action, then refreshes every archive query (lists, registers, loans). */
export function useArchiveAction() {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      await queryClient.invalidateQueries({ queryKey: archiveKeys.all });
      return result;
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { run, error, busy };
}
