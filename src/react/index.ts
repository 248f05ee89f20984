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
import type { Campaign, TimelineItem } from '../sdk/schemas.js';
import {
  CampaignAnswer as CampaignAnswerElement,
  CampaignProgress as CampaignProgressElement,
  NumberHovercard as NumberHovercardElement,
  ReplyMarker as ReplyMarkerElement,
  RoutedQueue as RoutedQueueElement,
  SmsAttachment as SmsAttachmentElement,
  SmsComposer as SmsComposerElement,
  SmsTimeline as SmsTimelineElement,
  type OfferAnswer,
  type ReplyDetail,
} from '../elements.js';

const event = <T extends Event>(name: string) => name as EventName<T>;

/** A wrapper of this React, whichever element it wraps. */
const wrap = <
  I extends HTMLElement,
  // @lit/react does not export its EventNames; this is its shape.
  E extends Record<string, EventName | string> = Record<never, never>,
>(
  options: Omit<Options<I, E>, 'react'>,
) => createComponent<I, E>({ react: React, ...options });

export const SmsTimeline = wrap({
  tagName: 'sms-timeline',
  elementClass: SmsTimelineElement,
});

export const RoutedQueue = wrap({
  tagName: 'routed-queue',
  elementClass: RoutedQueueElement,
  events: {
    onConversationPick:
      event<CustomEvent<{ conversationId: string; customerId: string }>>(
        'conversation-pick',
      ),
    onOfferAnswered: event<CustomEvent<OfferAnswer>>('offer-answered'),
  },
});

export const SmsComposer = wrap({
  tagName: 'sms-composer',
  elementClass: SmsComposerElement,
  events: {
    onReplySend: event<CustomEvent<ReplyDetail>>('reply-send'),
    onReplySent:
      event<CustomEvent<ReplyDetail & { item: TimelineItem }>>('reply-sent'),
    onReplyFailed:
      event<CustomEvent<ReplyDetail & { error: string }>>('reply-failed'),
    onReplyRetry: event<CustomEvent<ReplyDetail>>('reply-retry'),
  },
});

export const CampaignProgress = wrap({
  tagName: 'campaign-progress',
  elementClass: CampaignProgressElement,
  events: {
    onCampaignStopped: event<CustomEvent<Campaign>>('campaign-stopped'),
  },
});

const hovercardEvents = {
  onHovercardOpen: event<Event>('hovercard-open'),
  onHovercardClose: event<Event>('hovercard-close'),
  onNumberCopied:
    event<CustomEvent<{ number: string; which: 'from' | 'to' }>>(
      'number-copied',
    ),
};

export const NumberHovercard = wrap({
  tagName: 'number-hovercard',
  elementClass: NumberHovercardElement,
  events: hovercardEvents,
});

// The stamped updates hold a hovercard, whose events come out of them.
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
