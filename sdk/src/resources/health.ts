import type { RequestOptions } from '../call.js';
import type { ClientParts } from '../client.js';
import type { Health } from '../schemas.js';

export function healthResource({ client, call }: ClientParts) {
  return {
    /** getHealth: service and database reachability. */
    get: (options?: RequestOptions) => call<Health>(options, (init) => client.GET('/health', init)),
  };
}
