/**
 * The SDK alone: the typed client, its errors and the wire types. Importing
 * it registers no elements.
 */
export {
  DEFAULT_API_BASE,
  SmsKitClient,
  type ClientOptions,
} from './client.js';
export {
  ApiHttpError,
  ApiNetworkError,
  ApiParseError,
  SmsKitError,
} from './errors.js';
export {
  EventStream,
  type EventListener,
  type StatusListener,
  type StreamStatus,
} from './events.js';
export * from './schemas.js';
export {
  describeProblems,
  parseWith,
  type Parsed,
  type Problem,
} from './validation.js';
