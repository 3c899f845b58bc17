import { call, init } from '../call.js';
import type { ClientParts } from '../client.js';
import type { Data, RequestOptions } from '../types.js';

export function healthResource({ client }: ClientParts) {
  return {
    /** getHealth: service and database reachability. */
    get: (options?: RequestOptions) => call<Data<'getHealth'>>(client.GET('/health', init(options))),
  };
}
