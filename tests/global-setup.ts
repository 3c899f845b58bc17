// Once per run, before any test file of the api and services layers: builds
// the Redoc page (so /docs is served as in production) and the migrated
// template database that each test file copies.
import type { TestProject } from 'vitest/node';
import { buildDocs } from '../scripts/build-docs.js';
import { createDatabaseTemplate } from './helpers/database-template.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The docs build is a child process: it runs while this one migrates.
  const [, { template, drop }] = await Promise.all([buildDocs(), createDatabaseTemplate()]);
  project.provide('databaseTemplate', template);
  return drop;
}
