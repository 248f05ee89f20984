import type { Preview } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';

// msw-storybook-addon 3 has no `initialize()`: the loader takes a setup
// function that starts the worker, and before each story it swaps in the
// handlers the story names in `parameters.msw`.
const startWorker = async () => {
  const worker = setupWorker();
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  return worker;
};

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [mswLoader(startWorker)],
  parameters: {
    controls: { expanded: true },
  },
};

export default preview;
