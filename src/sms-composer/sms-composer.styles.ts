import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  form {
    display: grid;
    /* One column as wide as the element, whatever a name inside is. */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.375rem;
  }

  .label {
    overflow-wrap: anywhere;
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_muted);
  }

  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 0.5rem 0.625rem;
    resize: vertical;
    min-height: 2.75rem;
    box-sizing: border-box;
    width: 100%;
  }

  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  textarea:disabled {
    background: var(--_subtle);
    cursor: not-allowed;
  }

  .bar {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }

  .size {
    flex: 1;
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .size.over {
    color: var(--_danger);
    font-weight: 600;
  }

  .hint,
  .notice,
  .progress {
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_muted);
  }

  .progress:empty {
    display: none;
  }

  /* Why nothing can be sent: in red only when the customer said STOP. */
  .notice.stop {
    color: var(--_danger);
  }

  .failed {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }

  .failed li {
    border: 1px solid var(--_danger);
    border-radius: 8px;
    padding: 0.5rem 0.625rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    align-items: center;
  }

  .failed-text {
    flex-basis: 100%;
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .failed-why {
    flex: 1;
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_danger);
  }
`;
