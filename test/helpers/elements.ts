import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';

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
 * collapsed. Closed popovers are left out, as a person cannot see them.
 */
export function renderedText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      if (node.matches('[popover]:not(:popover-open), style')) return;
      // A closed disclosure shows only its summary.
      if (node instanceof HTMLDetailsElement && !node.open) {
        const summary = node.querySelector(':scope > summary');
        if (summary) walk(summary);
        return;
      }
      for (const child of (node.shadowRoot ?? node).childNodes) walk(child);
    } else if (node instanceof ShadowRoot || node instanceof DocumentFragment) {
      for (const child of node.childNodes) walk(child);
    } else if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
    }
  };
  walk(element);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
