/**
 * React wrappers for every element, made with @lit/react: props typed from
 * the element classes, and each event the element fires as an `on…` prop
 * with its typed event. Importing this registers the tags too.
 *
 * ```tsx
 * import { SmsTimeline, RoutedQueue } from 'sms-campaign-kit/react';
 *
 * <RoutedQueue inboxId="inb_1" agentId="agt_4"
 *   onConversationPick={(e) => setCustomer(e.detail.customerId)} />
 * <SmsTimeline customerId={customer} agentId="agt_4" />
 * ```
 *
 * React is an optional peer dependency: only this entry point needs it.
 */
import { createComponent, type EventName, type Options } from '@lit/react';
import * as React from 'react';
import '../index.js';
import {
  CampaignAnswer as CampaignAnswerElement,
  CampaignProgress as CampaignProgressElement,
  NumberHovercard as NumberHovercardElement,
  ReplyMarker as ReplyMarkerElement,
  RoutedQueue as RoutedQueueElement,
  SmsAttachment as SmsAttachmentElement,
  SmsComposer as SmsComposerElement,
  SmsTimeline as SmsTimelineElement,
} from '../elements.js';

/** An event by its name, typed as the element's define module declares it. */
const event = <K extends keyof HTMLElementEventMap>(name: K) =>
  name as EventName<HTMLElementEventMap[K]>;

/** A wrapper of this React, whichever element it wraps. */
const wrap = <
  I extends HTMLElement,
  // @lit/react does not export its EventNames; this is its shape.
  E extends Record<string, EventName | string> = Record<never, never>,
>(
  options: Omit<Options<I, E>, 'react'>,
) => createComponent<I, E>({ react: React, ...options });

const composerEvents = {
  onReplySend: event('reply-send'),
  onReplySent: event('reply-sent'),
  onReplyFailed: event('reply-failed'),
  onReplyRetry: event('reply-retry'),
};

const hovercardEvents = {
  onHovercardOpen: event('hovercard-open'),
  onHovercardClose: event('hovercard-close'),
  onNumberCopied: event('number-copied'),
};

// An element that holds another gets its events too: they bubble out of
// it, composed (a timeline holds a composer and the cards of its rows).
export const SmsTimeline = wrap({
  tagName: 'sms-timeline',
  elementClass: SmsTimelineElement,
  events: { ...composerEvents, ...hovercardEvents },
});

export const RoutedQueue = wrap({
  tagName: 'routed-queue',
  elementClass: RoutedQueueElement,
  events: {
    onConversationPick: event('conversation-pick'),
    onOfferAnswered: event('offer-answered'),
  },
});

export const SmsComposer = wrap({
  tagName: 'sms-composer',
  elementClass: SmsComposerElement,
  events: composerEvents,
});

export const CampaignProgress = wrap({
  tagName: 'campaign-progress',
  elementClass: CampaignProgressElement,
  events: { onCampaignStopped: event('campaign-stopped') },
});

export const NumberHovercard = wrap({
  tagName: 'number-hovercard',
  elementClass: NumberHovercardElement,
  events: hovercardEvents,
});

export const ReplyMarker = wrap({
  tagName: 'reply-marker',
  elementClass: ReplyMarkerElement,
  events: hovercardEvents,
});

export const CampaignAnswer = wrap({
  tagName: 'campaign-answer',
  elementClass: CampaignAnswerElement,
  events: hovercardEvents,
});

export const SmsAttachment = wrap({
  tagName: 'sms-attachment',
  elementClass: SmsAttachmentElement,
});
