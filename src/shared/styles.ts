import { css } from 'lit';

/**
 * The design tokens every element reads. A host sets `--sms-kit-*` on any
 * ancestor to restyle; the private `--_*` names hold the resolved values.
 */
export const tokens = css`
  :host {
    --_font: var(
      --sms-kit-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      sans-serif
    );
    --_text: var(--sms-kit-color-text, #1f2328);
    --_muted: var(--sms-kit-color-muted, #57606a);
    --_surface: var(--sms-kit-color-surface, #ffffff);
    --_subtle: var(--sms-kit-color-subtle, #f6f8fa);
    --_border: var(--sms-kit-color-border, #d0d7de);
    --_accent: var(--sms-kit-color-accent, #0b5cad);
    --_accent-soft: var(--sms-kit-color-accent-soft, #e7f0fb);
    --_customer: var(--sms-kit-color-customer-bubble, #eef1f4);
    --_agent: var(--sms-kit-color-agent-bubble, #0b5cad);
    --_agent-text: var(--sms-kit-color-agent-bubble-text, #ffffff);
    --_danger: var(--sms-kit-color-danger, #b42318);
    --_success: var(--sms-kit-color-success, #1a7f37);
    --_warning: var(--sms-kit-color-warning, #9a6700);
    --_radius: var(--sms-kit-radius, 12px);
    --_focus: var(--sms-kit-focus-ring, 2px solid #0b5cad);
    font-family: var(--_font);
    color: var(--_text);
  }

  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }

  [hidden] {
    display: none !important;
  }
`;

/** A quiet button, for retry and paging controls. */
export const buttonStyles = css`
  button.action {
    font: inherit;
    font-size: 0.875rem;
    color: var(--_accent);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 0.25rem 0.75rem;
    cursor: pointer;
  }

  button.action:hover {
    background: var(--_accent-soft);
  }

  button.action.primary {
    color: var(--_surface);
    background: var(--_accent);
    border-color: var(--_accent);
  }

  button.action:disabled {
    opacity: 0.6;
    cursor: progress;
  }
`;

/** Loading, empty and error notices, worded for a person. */
export const stateStyles = css`
  .reconnecting {
    margin: 0;
    padding: 0.375rem 0.75rem;
    font-size: 0.8125rem;
    color: var(--_warning);
    background: var(--_subtle);
    border-bottom: 1px solid var(--_border);
  }

  .state {
    padding: 1.5rem 1rem;
    text-align: center;
    color: var(--_muted);
    font-size: 0.9375rem;
  }

  .state.error {
    color: var(--_danger);
  }

  .state p {
    margin: 0 0 0.75rem;
  }
`;
