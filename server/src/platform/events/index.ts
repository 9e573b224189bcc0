// Live events: the bus between app instances (LISTEN/NOTIFY) and the server-sent event streams.
export {
  startEventBus,
  encodeEvent,
  decodeEvent,
  EventTooLargeError,
  EVENTS_CHANNEL,
  MAX_EVENT_BYTES,
  type BusEvent,
  type EventBus,
  type Log,
} from './event-bus'
export { openSseStream, HEARTBEAT_MS, RETRY_MS, type SseStream, type SseOptions } from './sse'
export { mayWatchCase, type CaseChange } from './case-audience'
