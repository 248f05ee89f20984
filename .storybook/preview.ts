import {
  setCustomElementsManifest,
  type Preview,
} from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { html } from 'lit';
import { setLocale } from '../src/shared/locale.js';
import { outbox } from '../src/shared/outbox.js';
import { THEMES } from '../stories/themes.js';
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

// Autodocs and controls read each element's attributes, properties,
// events, parts and custom properties from the manifest (npm run manifest).
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [
    mswLoader(startWorker),
    // The kit's language, from the toolbar: every element switches live.
    async ({ globals }) => {
      await setLocale(globals.locale === 'es' ? 'es' : 'en');
    },
  ],
  parameters: {
    controls: { expanded: true },
    // The theme decorator pads the story itself, so a dark story has no
    // light frame around it.
    layout: 'fullscreen',
  },
  globalTypes: {
    locale: {
      description: 'The kit’s language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'The kit’s light or dark theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: ['light', 'dark'],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  decorators: [
    (story, { globals, viewMode }) => {
      // Drafts and replies of the last story viewed are not this one's,
      // nor those another story's frame on a docs page kept in this tab's
      // sessionStorage: clear() forgets both.
      outbox.clear();
      // The theme's background fills a story's own page; on a docs page
      // each story is only as tall as it draws.
      const fill = viewMode === 'docs' ? '' : 'min-height: 100vh;';
      return html`<div
        style="padding: 1rem; ${fill} box-sizing: border-box; ${
          THEMES[globals.theme === 'dark' ? 'dark' : 'light']
        }"
      >
        ${story()}
      </div>`;
    },
  ],
};

export default preview;
