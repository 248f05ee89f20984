import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  article {
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.75rem 1rem;
    max-width: 34rem;
    margin-inline-start: auto;
  }

  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
    margin-bottom: 0.375rem;
  }

  .kind {
    font-size: 0.75rem;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_accent);
  }

  .answer {
    font-weight: 600;
  }

  .answer,
  .campaign {
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .campaign {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .body {
    margin: 0 0 0.5rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    line-height: 1.45;
  }

  /* Beside the stamp, in its size. */
  .delivery {
    font-size: 0.8125rem;
    color: var(--_muted);
  }

  .delivery.failed {
    color: var(--_danger);
    font-weight: 600;
  }
`;
