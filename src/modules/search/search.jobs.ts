import type { Settings } from '../../config.ts';
import type { PeriodicJob } from '../../platform/jobs/jobs.ts';
import { runSearchIndexer, type IndexerDeps } from './search-indexer.ts';

/** The search indexer reads the outbox in the background; a search never indexes. */
export function searchJobs(
  deps: IndexerDeps,
  settings: Pick<Settings, 'OBIEG_SEARCH_INTERVAL_S'>,
): PeriodicJob[] {
  return [
    {
      name: 'search indexer',
      intervalSeconds: settings.OBIEG_SEARCH_INTERVAL_S,
      run: () => runSearchIndexer(deps),
    },
  ];
}
