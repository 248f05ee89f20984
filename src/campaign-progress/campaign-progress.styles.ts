import { css } from 'lit';

/** Beside panelStyles, which give the box, the header and the badge. */
export const styles = css`
  .from,
  .pace,
  .of {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .status.in_progress {
    color: var(--_accent);
  }

  .status.completed {
    color: var(--_success);
  }

  .status.stopped {
    color: var(--_danger);
  }

  .status.scheduled {
    color: var(--_warning);
  }

  progress {
    display: block;
    width: 100%;
    height: 0.5rem;
    margin: 0.75rem 0 0.5rem;
    accent-color: var(--_accent);
  }

  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    font-variant-numeric: tabular-nums;
  }

  .pace {
    margin: 0.375rem 0 0;
  }

  details {
    margin-top: 0.5rem;
    font-size: 0.875rem;
  }

  ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }

  button {
    margin-top: 0.75rem;
  }

  .refused {
    margin-top: 0.5rem;
  }
`;
