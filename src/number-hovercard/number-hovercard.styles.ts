import { css } from 'lit';

export const styles = css`
  /* The host is a popover in the top layer; floating-ui places it by its
     anchor. Closed, the browser hides it. */
  :host {
    position: fixed;
    inset: auto;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    overflow: visible;
  }

  .card {
    min-width: 15rem;
    max-width: min(22rem, calc(100vw - 16px));
    padding: 0.75rem 0.875rem;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 10px;
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.16);
    font: 0.875rem/1.4 var(--_font);
  }

  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.375rem 0.75rem;
    margin: 0;
  }

  dt {
    color: var(--_muted);
  }

  dd {
    margin: 0;
  }

  .number {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .label {
    display: block;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  dd {
    min-width: 0;
  }

  .copy {
    font: inherit;
    font-size: 0.75rem;
    margin-inline-start: 0.375rem;
    padding: 0 0.375rem;
    color: var(--_accent);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 4px;
    cursor: pointer;
  }

  .copy:hover {
    background: var(--_accent-soft);
  }

  .copied {
    margin: 0.375rem 0 0;
    font-size: 0.75rem;
    color: var(--_muted);
  }

  .copied:empty {
    display: none;
  }
`;
