/**
 * Every Storybook story, rendered as Storybook would (its args, render
 * and decorators, its MSW handlers), its play function run, then checked
 * by axe. A designer's review states are tested states.
 */
import { expect } from '@open-wc/testing';
import { render as renderLit } from 'lit';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';
import { outbox } from '../src/shared/outbox.js';
import * as campaignAnswer from '../stories/campaign-answer.stories.js';
import * as campaignProgress from '../stories/campaign-progress.stories.js';
import * as numberHovercard from '../stories/number-hovercard.stories.js';
import * as replyMarker from '../stories/reply-marker.stories.js';
import * as routedQueue from '../stories/routed-queue.stories.js';
import * as smsAttachment from '../stories/sms-attachment.stories.js';
import * as smsComposer from '../stories/sms-composer.stories.js';
import * as smsTimeline from '../stories/sms-timeline.stories.js';
import { THEMES } from '../stories/themes.js';
import './helpers/virtualizer-errors.js';
import { setLocale } from '../src/shared/locale.js';

type Args = Record<string, unknown>;
type StoryFn = () => unknown;
interface Context {
  args: Args;
  canvasElement: HTMLElement;
}
type Decorator = (story: StoryFn, context: Context) => unknown;
interface StoryLike {
  name?: string;
  args?: Args;
  render?: (args: Args, context: Context) => unknown;
  decorators?: Decorator[];
  parameters?: { msw?: { handlers?: RequestHandler[] } };
  play?: (context: Context) => Promise<void> | void;
}
interface MetaLike extends StoryLike {
  title: string;
}

const FILES = [
  campaignAnswer,
  campaignProgress,
  numberHovercard,
  replyMarker,
  routedQueue,
  smsAttachment,
  smsComposer,
  smsTimeline,
] as unknown as Array<Record<string, StoryLike> & { default: MetaLike }>;

/** The first element matching `selector` anywhere under `root`. */
function findDeep(
  root: Element | ShadowRoot,
  selector: string,
): Element | null {
  const here = root.querySelector(selector);
  if (here) return here;
  for (const el of root.querySelectorAll('*')) {
    const found = el.shadowRoot && findDeep(el.shadowRoot, selector);
    if (found) return found;
  }
  return null;
}

/**
 * Waits until nothing in `root` says it is loading, or `ms` pass; whether
 * it came to rest.
 */
async function settled(root: HTMLElement, ms = 1500): Promise<boolean> {
  const deadline = performance.now() + ms;
  const loading = (node: Element | ShadowRoot): boolean =>
    [...node.querySelectorAll('*')].some(
      (el) =>
        // An element's loading notice, in whichever language.
        el.matches('[part=state][role=status]') ||
        (el.shadowRoot !== null && loading(el.shadowRoot)),
    );
  while (performance.now() < deadline && loading(root)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return !loading(root);
}

describe('every story', function () {
  this.timeout(20_000);
  let worker: SetupWorker;

  before(async () => {
    worker = setupWorker();
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  after(() => worker.stop());

  after(() => setLocale('en'));

  // Both themes in English, and Spanish once: the words change, not the
  // colours, so Spanish in light is enough for axe to read them.
  const VIEWS = [
    ['light', 'en'],
    ['dark', 'en'],
    ['light', 'es'],
  ] as const;

  for (const [theme, locale] of VIEWS)
    for (const file of FILES) {
      const meta = file.default;
      const style = THEMES[theme];
      for (const [key, story] of Object.entries(file)) {
        if (key === 'default') continue;
        it(`${meta.title}: ${story.name ?? key} renders, plays, and passes axe (${theme}, ${locale})`, async () => {
          await setLocale(locale); // as the toolbar's loader does
          worker.resetHandlers(...(story.parameters?.msw?.handlers ?? []));
          outbox.clear(); // as Storybook's preview does before each story
          const canvasElement = document.createElement('div');
          canvasElement.setAttribute('style', `padding: 1rem; ${style}`);
          document.body.append(canvasElement);
          try {
            const args = { ...meta.args, ...story.args };
            const context: Context = { args, canvasElement };
            const draw = story.render ?? meta.render!;
            // Storybook applies the story's decorators inside the meta's.
            const decorators = [
              ...(story.decorators ?? []),
              ...(meta.decorators ?? []),
            ];
            const template = decorators.reduce<StoryFn>(
              (inner, decorate) => () => decorate(inner, context),
              () => draw(args, context),
            )();
            renderLit(template, canvasElement);
            await settled(canvasElement);
            await story.play?.(context);
            // A story stuck loading by mistake is broken too.
            const rested = await settled(canvasElement);
            if (!/loading/i.test(story.name ?? key)) {
              expect(rested, 'still loading').to.equal(true);
            }
            // A story about a failure may show one; any other that does is
            // broken (a wrong id, a missing handler).
            if (!/fail|error|not found/i.test(story.name ?? key)) {
              const failed = findDeep(canvasElement, '.state.error');
              expect(
                failed?.textContent?.trim() ?? '',
                'an error state',
              ).to.equal('');
            }
            await expect(canvasElement).to.be.accessible();
          } finally {
            canvasElement.remove();
          }
        });
      }
    }
});
