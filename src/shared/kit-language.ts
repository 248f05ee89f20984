/**
 * The kit's language on what an element draws. Where it differs from the
 * language around the element (a Spanish kit in an English page), each
 * top-level node of its shadow root carries `lang`, so assistive
 * technology reads the kit's words in the kit's language (WCAG 3.1.2).
 * The element also draws again whenever the language changes.
 */
import { updateWhenLocaleChanges } from '@lit/localize';
import type { ReactiveController, ReactiveElement } from 'lit';
import { sourceLocale } from '../generated/locale-codes.js';
import { kitLocale } from './locale.js';

/** The nearest `lang` above `element`, through shadow roots; '' if none. */
function languageAround(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const marked = node.closest('[lang]');
    if (marked) return marked.getAttribute('lang') ?? '';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

/** `es-MX` and `es` are the same language for this purpose. */
const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

export class KitLanguage implements ReactiveController {
  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
    updateWhenLocaleChanges(host);
  }

  hostUpdated(): void {
    const spoken = kitLocale() ?? sourceLocale;
    const same = primary(languageAround(this.host)) === primary(spoken);
    for (const child of this.host.renderRoot.children) {
      if (child instanceof HTMLStyleElement) continue;
      if (same) child.removeAttribute('lang');
      else child.setAttribute('lang', spoken);
    }
  }
}
