/**
 * Registers a tag once. A second copy of the kit on the page (another
 * bundle, another version) finds the tag taken and leaves the first
 * definition in place instead of throwing. When the two copies are of
 * different versions it says so once a page, in development only (Lit's
 * development build, which the `development` export condition selects).
 */
import { VERSION } from './version.js';

type KitElement = CustomElementConstructor & { kitVersion?: string };

/** Shared by every copy of the kit on the page, so it warns only once. */
const WARNED = Symbol.for('sms-campaign-kit.version-warned');

/** Lit's development build keeps this set; its production build does not. */
const development = () =>
  (globalThis as { litIssuedWarnings?: unknown }).litIssuedWarnings !==
  undefined;

export function defineElement(tag: string, element: KitElement): void {
  const existing = customElements.get(tag) as KitElement | undefined;
  if (!existing) {
    element.kitVersion = VERSION;
    customElements.define(tag, element);
    return;
  }
  if (existing === element || existing.kitVersion === VERSION) return;
  const page = globalThis as { [WARNED]?: boolean };
  if (page[WARNED] || !development()) return;
  page[WARNED] = true;
  console.warn(
    `sms-campaign-kit ${VERSION} found <${tag}> already registered by sms-campaign-kit ${existing.kitVersion ?? '(an unknown version)'}. The first registration stays in use; load one copy of the kit per page.`,
  );
}
