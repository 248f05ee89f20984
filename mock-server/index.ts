/** The mock routing engine and its HTTP layer, for demos and tests. */
export { ManualClock, OffsetClock, systemClock } from './clock.js';
export { Engine } from './engine/engine.js';
export { EngineError, type EngineErrorKind } from './engine/errors.js';
export type { Clock, InboundSms } from './engine/records.js';
export { createHandlers, DEFAULT_BASE, type ErrorBody } from './handlers.js';
export { seedJulySale, type JulySale } from './scenario.js';
export {
  postTwilioWebhook,
  randomMessageSid,
  twilioInboundForm,
  type SimulatedSms,
} from './simulator.js';
export { EMPTY_TWIML, parseTwilioInbound } from './twilio.js';
