import { expect } from '@open-wc/testing';
import './safe-assertions.js';
import { sendMouse } from '@web/test-runner-commands';
import './virtualizer-errors.js';

/** The checks every element must pass, shared rather than copied. */
export function itBehavesLikeAKitElement(render: () => Promise<HTMLElement>) {
  it('passes an axe check', async () => {
    const element = await render();
    await expect(element).to.be.accessible();
  });

  it('renders in an open shadow root', async () => {
    const element = await render();
    expect(element.shadowRoot).to.not.equal(null);
    expect(element.shadowRoot!.mode).to.equal('open');
  });

  it('hides with the hidden attribute, as any element does', async () => {
    const element = await render();
    element.hidden = true;
    expect(getComputedStyle(element).display).to.equal('none');
  });
}

/** Moves the real mouse to the middle of `element`. */
export async function hover(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({
    type: 'move',
    position: [
      Math.round(box.x + box.width / 2),
      Math.round(box.y + box.height / 2),
    ],
  });
}

/** Deep query through shadow roots: `deep(el, 'reply-marker', '[part=stamp]')`. */
export function deep<T extends Element = HTMLElement>(
  root: Element,
  ...selectors: string[]
): T {
  let current: Element | null = root;
  for (const selector of selectors) {
    const scope: ParentNode = current!.shadowRoot ?? current!;
    current = scope.querySelector(selector);
    if (!current) throw new Error(`nothing matches ${selectors.join(' » ')}`);
  }
  return current as T;
}

/**
 * The text rendered in `element`, through every shadow root, white space
 * collapsed. Boxes that are laid out apart (blocks, flex items) are kept
 * apart by a space; inline ones run on as a person reads them, so
 * `<bdi>Ben</bdi>, who` reads "Ben, who". Closed popovers are left out,
 * as a person cannot see them.
 */
export function renderedText(element: Element): string {
  let text = '';
  const walk = (node: Node) => {
    if (node instanceof Element) {
      if (node.matches('[popover]:not(:popover-open), style')) return;
      const display = getComputedStyle(node).display;
      const apart = !display.startsWith('inline') && display !== 'contents';
      if (apart) text += ' ';
      // A closed disclosure shows only its summary.
      if (node instanceof HTMLDetailsElement && !node.open) {
        const summary = node.querySelector(':scope > summary');
        if (summary) walk(summary);
      } else {
        for (const child of (node.shadowRoot ?? node).childNodes) walk(child);
      }
      if (apart) text += ' ';
    } else if (node instanceof ShadowRoot || node instanceof DocumentFragment) {
      for (const child of node.childNodes) walk(child);
    } else if (node.nodeType === Node.TEXT_NODE) {
      text += node.textContent ?? '';
    }
  };
  walk(element);
  return text.replace(/\s+/g, ' ').trim();
}

/** Asserts that nothing in `element`'s shadow root matches `selector`. */
export function expectNone(element: Element, selector: string): void {
  const found = element.shadowRoot!.querySelector(selector);
  expect(found === null, `nothing should match ${selector}`).to.equal(true);
}

/**
 * Scrolls `scroller` to its top as a reader would: a turn of the wheel,
 * then the scroll, heard at once (a real scroll fires its event before
 * anything can follow it). The timeline tells the agent's scrolls from
 * its own by the wheel, touch or key that comes first.
 */
export function scrollToTop(scroller: HTMLElement): void {
  scroller.dispatchEvent(
    new WheelEvent('wheel', { deltaY: -scroller.scrollTop }),
  );
  scroller.scrollTop = 0;
  scroller.dispatchEvent(new Event('scroll'));
}
