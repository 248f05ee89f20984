import { css } from 'lit';

/** Beside panelStyles, which give the box, the header and the badge. */
export const styles = css`
  /* Names come from the API and may be long and unbroken. */
  .name,
  .customer,
  .assigned li {
    min-width: 0;
    overflow-wrap: anywhere;
  }

  /* An open explanation takes the whole row. */
  .assigned li:has(details[open]) {
    flex-basis: 100%;
    border-radius: 8px;
  }

  .why {
    margin: 0.25rem 0 0.125rem;
    color: var(--_text);
    line-height: 1.4;
  }

  h3 {
    font-size: 0.8125rem;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
    margin: 1rem 0 0.375rem;
  }

  .policy {
    flex-basis: 100%;
    font-size: 0.8125rem;
    color: var(--_muted);
  }

  .numbers,
  .since,
  .empty {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .empty {
    margin: 0;
  }

  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .agent {
    padding: 0.375rem 0;
    border-top: 1px solid var(--_border);
  }

  .agent:first-child {
    border-top: 0;
  }

  .agent-line {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  .name {
    font-weight: 600;
    flex: 1;
  }

  .status,
  .load {
    flex: none;
  }

  .status.available {
    color: var(--_success);
  }

  .status.away {
    color: var(--_warning);
  }

  .status.offline {
    color: var(--_muted);
  }

  .load {
    font-variant-numeric: tabular-nums;
    font-size: 0.875rem;
    min-width: 3.5ch;
    text-align: end;
  }

  .max {
    color: var(--_muted);
    font-weight: normal;
  }

  .load.full {
    color: var(--_danger);
    font-weight: 600;
  }

  .assigned {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin-top: 0.25rem;
  }

  .assigned li {
    max-width: 100%;
    box-sizing: border-box;
    font-size: 0.8125rem;
    background: var(--_accent-soft);
    color: var(--_accent);
    /* A pill on one line; a long name that wraps gets a rounded box, not
       an ellipse that cuts its first and last lines. */
    border-radius: 0.75em;
    padding: 0.0625rem 0.5rem;
  }

  .count {
    display: inline-block;
    min-width: 1.25rem;
    text-align: center;
    border-radius: 999px;
    background: var(--_subtle);
    color: var(--_text);
  }

  .offers li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
    padding: 0.25rem 0;
  }

  .offers .to {
    color: var(--_muted);
  }

  .offers .left {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
    color: var(--_warning);
  }

  .offers .answer {
    flex-basis: 100%;
    display: flex;
    gap: 0.5rem;
    padding-block: 0.25rem;
  }

  /* A waiting customer's name opens their conversation. */
  button.pick {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0;
    text-align: start;
    cursor: pointer;
    text-decoration: underline dotted;
    text-underline-offset: 3px;
  }

  .why + button {
    margin-bottom: 0.25rem;
  }

  .passed {
    flex-basis: 100%;
    font-size: 0.8125rem;
    color: var(--_muted);
  }

  .refused {
    flex-basis: 100%;
  }

  .waiting {
    counter-reset: waiting;
  }

  .waiting li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
    padding: 0.25rem 0;
  }

  /* The time goes under the name when both do not fit on one line. */
  .since {
    margin-inline-start: auto;
    white-space: nowrap;
  }

  .waiting li::before {
    counter-increment: waiting;
    content: counter(waiting) '.';
    color: var(--_muted);
    min-width: 1.5rem;
  }

  /* As wide as the name, up to the whole line, before the time wraps. */
  .customer {
    flex: 1 0 auto;
    max-width: 100%;
  }
`;
