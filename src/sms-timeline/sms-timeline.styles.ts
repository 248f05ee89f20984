import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    background: var(--_subtle);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }

  /* The host clips what overflows, so the focus ring is drawn inside. */
  .log:focus-visible {
    outline-offset: -3px;
  }

  /*
   * The virtualizer places each row itself, absolutely: rows carry their
   * own spacing (margins, which it collapses) and span the log's width.
   */
  .log {
    height: var(--sms-kit-timeline-height, 24rem);
    overflow-x: hidden;
    overflow-y: auto;
    overflow-anchor: none;
    box-sizing: border-box;
  }

  .row,
  .earlier {
    width: 100%;
    margin-block: 0.75rem;
    padding-inline: 1rem;
    box-sizing: border-box;
  }

  .log.empty {
    padding: 0.75rem 1rem;
  }

  .earlier {
    text-align: center;
  }

  .message {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    max-width: 80%;
  }

  .message.outbound {
    margin-inline-start: auto;
    align-items: flex-end;
  }

  .bubble {
    background: var(--_customer);
    /* Logical corners, so the tail mirrors under dir="rtl". */
    border-radius: 16px;
    border-end-start-radius: 4px;
    padding: 0.5rem 0.75rem;
    max-width: 100%;
    box-sizing: border-box;
  }

  .outbound .bubble {
    background: var(--_agent);
    color: var(--_agent-text);
    border-radius: 16px;
    border-end-end-radius: 4px;
  }

  .text {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    line-height: 1.4;
  }

  .attachment {
    margin-top: 0.375rem;
  }

  .attachment:first-child {
    margin-top: 0;
  }

  .meta,
  .routing {
    overflow-wrap: anywhere;
  }

  .meta {
    font-size: 0.75rem;
    color: var(--_muted);
    margin-top: 0.25rem;
  }

  /* Opting out matters to the agent: nothing more can be sent. */
  .keyword.opt_out {
    color: var(--_danger);
  }

  .routing {
    margin: 0;
    text-align: center;
    font-size: 0.8125rem;
    color: var(--_muted);
  }

  /*
   * A reply still on its way is drawn as an outline until the API has it,
   * in colours that keep their contrast (a faded bubble would not).
   */
  .pending.sending .bubble {
    background: var(--_surface);
    color: var(--_text);
    border: 1px dashed var(--_accent);
  }

  .pending.failed .bubble {
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_danger);
  }

  .meta .failed {
    color: var(--_danger);
  }

  .delivery.failed {
    font-weight: 600;
  }

  :host {
    position: relative;
  }

  /* Inside the row's box: the log clips what overflows it. */
  .row:focus-visible {
    outline: var(--_focus);
    outline-offset: -2px;
    border-radius: 8px;
  }

  /* Over the log's foot while the agent reads further up. */
  .unseen {
    position: absolute;
    inset-inline-end: 1rem;
    margin-top: -2.75rem;
    background: var(--_surface);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
  }

  sms-composer {
    border-top: 1px solid var(--_border);
    padding: 0.75rem 1rem;
    background: var(--_surface);
  }
`;
