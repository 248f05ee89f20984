import { css, html, nothing } from 'lit';

/** What a stamp's hovercard shows. */
export interface StampNumbers {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
}

let nextId = 0;

/** A unique id for wiring a stamp to its card within one shadow root. */
export const stampId = () => `sms-kit-card-${++nextId}`;

/**
 * The focusable stamp of a timeline update, and the hovercard it opens.
 * Both are rendered into the same shadow root, so `aria-describedby`
 * finds the card by id.
 */
export function renderStamp(
  id: string,
  content: unknown,
  numbers: StampNumbers,
) {
  const hasNumbers = numbers.from !== '' || numbers.to !== '';
  return html`
    <button
      type="button"
      id=${`${id}-stamp`}
      class="stamp"
      part="stamp"
      aria-describedby=${hasNumbers ? id : nothing}
    >
      ${content}
    </button>
    ${
      hasNumbers
        ? html`<number-hovercard
            id=${id}
            for=${`${id}-stamp`}
            .from=${numbers.from}
            .to=${numbers.to}
            .fromLabel=${numbers.fromLabel}
            .toLabel=${numbers.toLabel}
          ></number-hovercard>`
        : nothing
    }
  `;
}

export const stampStyles = css`
  .stamp {
    font: inherit;
    font-size: 0.8125rem;
    color: var(--_muted);
    background: none;
    border: 0;
    border-radius: 4px;
    padding: 0.125rem 0.25rem;
    margin: -0.125rem -0.25rem;
    cursor: help;
    text-decoration: underline dotted;
    text-underline-offset: 3px;
  }

  .stamp:hover {
    color: var(--_text);
  }
`;
