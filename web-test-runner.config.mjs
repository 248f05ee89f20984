import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { browserArgs, findBrowser } from './scripts/find-browser.mjs';

const require = createRequire(import.meta.url);
// Twilio's segment counter ships CommonJS only. Vite converts it for the
// demo and Storybook; for the tests esbuild bundles it as one ES module
// whose default export is the CommonJS module, as Vite's is.
const COMMONJS = ['sms-segments-calculator'];
// MSW's worker must be served at the root, as the page registers it there.
const worker = readFileSync(
  require.resolve('msw/mockServiceWorker.js'),
  'utf8',
);

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // One test file at a time: a background tab gets no frames, so pointer
  // moves and animation frames could wait forever in a parallel run.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // Lit says it runs in development mode on every page; that is expected.
  // The runner logs each window error's `error`, which the virtualizer's
  // benign ResizeObserver-loop reports leave null: a bare "null" each.
  filterBrowserLogs: ({ args }) =>
    !String(args[0]).includes('Lit is in dev mode') &&
    !(args.length === 1 && args[0] === null),
  plugins: [
    // What assistive technology is told, read from Chromium's own tree.
    a11ySnapshotPlugin(),
    {
      name: 'commonjs-packages',
      async serve(context) {
        const name = COMMONJS.find((pkg) =>
          context.path.startsWith(`/node_modules/${pkg}/`),
        );
        if (!name) return undefined;
        const { outputFiles } = await build({
          entryPoints: [require.resolve(name)],
          bundle: true,
          format: 'esm',
          platform: 'browser',
          write: false,
          logLevel: 'warning',
        });
        return { body: outputFiles[0].text, type: 'js' };
      },
    },
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    {
      name: 'msw-worker',
      serve(context) {
        if (context.path === '/mockServiceWorker.js') {
          return { body: worker, type: 'js' };
        }
      },
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findBrowser(), args: browserArgs() },
    }),
  ],
};
