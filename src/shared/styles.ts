import { css } from 'lit';

/**
 * The design tokens every element reads. A host sets `--sms-kit-*` on any
 * ancestor to restyle; the private `--_*` names hold the resolved values.
 *
 * Each default has a light and a dark value (`light-dark()`), chosen by
 * the element's color scheme. Like a form control, an element takes the
 * page's `color-scheme`: a page that declares `light dark` gets the dark
 * theme when the reader prefers it. `--sms-kit-color-scheme` (`light` or
 * `dark`) on any ancestor, or an element's own `theme` attribute, says
 * otherwise. A custom property reaches into every nested shadow root, so
 * one setting themes a timeline and everything it renders.
 */
export const tokens = css`
  /* An element's own display rule must not outweigh the page's hidden. */
  :host([hidden]) {
    display: none !important;
  }

  :host([theme='light']) {
    --sms-kit-color-scheme: light;
  }

  :host([theme='dark']) {
    --sms-kit-color-scheme: dark;
  }

  :host {
    /* Unset, this is invalid and the page's color-scheme is inherited. */
    color-scheme: var(--sms-kit-color-scheme);
    --_font: var(
      --sms-kit-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      sans-serif
    );
    --_text: var(--sms-kit-color-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--sms-kit-color-muted, light-dark(#57606a, #9ea7b3));
    --_surface: var(--sms-kit-color-surface, light-dark(#ffffff, #161b22));
    --_subtle: var(--sms-kit-color-subtle, light-dark(#f6f8fa, #0d1117));
    --_border: var(--sms-kit-color-border, light-dark(#d0d7de, #3d444d));
    --_accent: var(--sms-kit-color-accent, light-dark(#0b5cad, #58a6ff));
    --_accent-soft: var(
      --sms-kit-color-accent-soft,
      light-dark(#e7f0fb, #12263f)
    );
    --_customer: var(
      --sms-kit-color-customer-bubble,
      light-dark(#eef1f4, #262c36)
    );
    --_agent: var(--sms-kit-color-agent-bubble, light-dark(#0b5cad, #1f6feb));
    --_agent-text: var(--sms-kit-color-agent-bubble-text, #ffffff);
    --_danger: var(--sms-kit-color-danger, light-dark(#b42318, #ff7b72));
    --_success: var(--sms-kit-color-success, light-dark(#1a7f37, #3fb950));
    --_warning: var(--sms-kit-color-warning, light-dark(#9a6700, #d29922));
    --_radius: var(--sms-kit-radius, 12px);
    --_focus: var(--sms-kit-focus-ring, 2px solid var(--_accent));
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

  /* Read by screen readers, not shown. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
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
    cursor: not-allowed;
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

/**
 * What `routed-queue` and `campaign-progress` share: a bordered panel, a
 * header of a title and what goes beside it, and a status badge coloured
 * by its element.
 */
export const panelStyles = css`
  :host {
    display: block;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem 1rem;
  }

  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }

  /* Names come from the API and may be long and unbroken. */
  h2 {
    font-size: 1.0625rem;
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .status {
    font-size: 0.75rem;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0.0625rem 0.5rem;
  }

  summary {
    cursor: pointer;
  }

  /* What the API refused (a Stop, an Accept), said where it was asked. */
  .refused {
    margin: 0;
    font-size: 0.875rem;
    color: var(--_danger);
  }
`;
