// The build and production-install commands, as pnpm arguments. The README
// gives them, the production-install test runs them, and a unit test checks
// that the Dockerfile runs exactly these.
export const BUILD_COMMANDS = {
  build: ['run', 'build'],
  deploy: (dir: string) => ['--filter', '@storefront/server', 'deploy', '--prod', dir],
};
