/**
 * Opens the number card behind a stamp, as hovering or focusing it would,
 * so a story can show the card without anyone pointing at it.
 */
import type { LitElement } from 'lit';
import type { NumberHovercard } from '../src/number-hovercard/define.js';

export async function openStampCard(
  canvas: HTMLElement,
  tag: 'campaign-answer' | 'reply-marker',
): Promise<void> {
  const host = canvas.querySelector<LitElement>(tag);
  if (!host) throw new Error(`No <${tag}> in the story to open.`);
  await host.updateComplete;
  const card =
    host.shadowRoot?.querySelector<NumberHovercard>('number-hovercard');
  card?.show();
}
