// Builds the Redoc page once per run, so /docs is served by the tests the same
// way it is in production.
import { buildDocs } from '../scripts/build-docs.js';

export default function setup(): void {
  buildDocs();
}
