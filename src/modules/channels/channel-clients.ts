import type { ChannelClients } from './channel-client.ts';
import { createEdoreczeniaClient } from './edoreczenia/edoreczenia.client.ts';
import { createEpuapClient } from './epuap/epuap.client.ts';

/** A client for each channel whose national service is configured (base URL set). */
export function createChannelClients(options: {
  epuapUrl?: string | undefined;
  edoreczeniaUrl?: string | undefined;
  timeoutMs: number;
}): ChannelClients {
  return {
    ...(options.epuapUrl ? { epuap: createEpuapClient(options.epuapUrl, options.timeoutMs) } : {}),
    ...(options.edoreczeniaUrl
      ? { edoreczenia: createEdoreczeniaClient(options.edoreczeniaUrl, options.timeoutMs) }
      : {}),
  };
}
