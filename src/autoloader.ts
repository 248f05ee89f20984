/**
 * One script for any page: each of the kit's tags loads its code the first
 * time it appears in the document, and not before. Tags added later (by a
 * framework, or `innerHTML`) are found as they arrive.
 *
 * ```html
 * <script type="module" src="…/cdn/autoloader.js"></script>
 * <sms-timeline customer-id="cus_1"></sms-timeline>
 * ```
 *
 * Until its code has loaded a tag is hidden, so nothing half-drawn shows.
 * Tags inside a host's own shadow roots are not seen: pass such a root to
 * `discover`, or import the tags' define modules.
 */

/** Each tag a page may write, and the module that registers it. */
const TAGS: Record<string, () => Promise<unknown>> = {
  'campaign-answer': () => import('./campaign-answer/define.js'),
  'campaign-progress': () => import('./campaign-progress/define.js'),
  'number-hovercard': () => import('./number-hovercard/define.js'),
  'reply-marker': () => import('./reply-marker/define.js'),
  'routed-queue': () => import('./routed-queue/define.js'),
  'sms-attachment': () => import('./sms-attachment/define.js'),
  'sms-composer': () => import('./sms-composer/define.js'),
  'sms-timeline': () => import('./sms-timeline/define.js'),
};

// The language switch, for a page that has only this script: it reaches
// every element the autoloader loads.
export { kitLocales, setLocale, type KitLocale } from './shared/locale.js';

const requested = new Set<string>();

/** Loads the code of every kit tag in `root` not asked for yet. */
export function discover(root: ParentNode = document): Promise<unknown[]> {
  const loads: Promise<unknown>[] = [];
  for (const [tag, load] of Object.entries(TAGS)) {
    if (requested.has(tag) || customElements.get(tag)) continue;
    const here =
      (root instanceof Element && root.localName === tag) ||
      root.querySelector(tag) !== null;
    if (!here) continue;
    requested.add(tag);
    loads.push(
      load().catch((error: unknown) => {
        // Asked again the next time the tag appears.
        requested.delete(tag);
        console.error(`sms-campaign-kit could not load <${tag}>.`, error);
      }),
    );
  }
  return Promise.all(loads);
}

function hideUntilDefined(): void {
  const style = document.createElement('style');
  style.dataset.smsCampaignKit = 'autoloader';
  style.textContent = `${Object.keys(TAGS)
    .map((tag) => `${tag}:not(:defined)`)
    .join(', ')} { visibility: hidden; }`;
  document.head.append(style);
}

if (typeof document !== 'undefined') {
  hideUntilDefined();
  void discover();
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) void discover(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}
