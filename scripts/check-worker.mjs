// The demo and Storybook serve public/mockServiceWorker.js; it must be the
// worker of the installed msw, or MSW refuses it. `npx msw init public`
// brings it up to date.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const installed = readFileSync(
  require.resolve('msw/mockServiceWorker.js'),
  'utf8',
);
const committed = readFileSync('public/mockServiceWorker.js', 'utf8');
if (installed !== committed) {
  console.error(
    'public/mockServiceWorker.js differs from the installed msw; run: npx msw init public',
  );
  process.exit(1);
}
