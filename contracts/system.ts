import { z } from 'zod';
import { text } from './common.ts';

/** One event delivery that failed at least once: parked (dead) or waiting for its next try. */
export const TroubledDelivery = z.object({
  /** The domain event's id. */
  eventId: z.number().int(),
  /** Event type, `<module>.<past_tense>`. */
  type: z.string(),
  /** The consumer that could not handle it, `<module>:<event type>`. */
  consumer: z.string(),
  /** dead = parked until someone retries it; pending = will be tried again at `nextAttemptAt`. */
  status: z.enum(['pending', 'dead']),
  /** Attempts made so far. */
  attempts: z.number().int(),
  /** The last error's message. */
  lastError: z.string().nullable(),
  /** When the next attempt is due (pending only). */
  nextAttemptAt: z.string().nullable(),
  /** When the event happened. */
  createdAt: z.string(),
});
export type TroubledDelivery = z.infer<typeof TroubledDelivery>;

/** `GET /api/system/events`: the organization's event deliveries at a glance. */
export const EventDeliveryReport = z.object({
  /** Deliveries waiting to be handled (new or retrying). */
  pending: z.number().int(),
  /** Deliveries parked after too many failures. */
  dead: z.number().int(),
  /** Age in seconds of the oldest waiting delivery; null when none waits. */
  oldestPendingSeconds: z.number().nullable(),
  /** Up to 200 deliveries that failed at least once, parked ones first, newest first. */
  items: z.array(TroubledDelivery),
});
export type EventDeliveryReport = z.infer<typeof EventDeliveryReport>;

/** Body of `POST /api/system/events/retry`: one parked delivery, or every one when empty. */
export const RetryDeliveriesRequest = z
  .object({
    /** The parked delivery's consumer (with eventId), or omit both to retry every parked delivery. */
    consumer: text(200).optional(),
    /** The parked delivery's event id. */
    eventId: z.number().int().positive().optional(),
  })
  .strict()
  .refine((b) => (b.consumer === undefined) === (b.eventId === undefined), { message: 'Give both consumer and eventId, or neither.', path: ['eventId'] });
export type RetryDeliveriesRequest = z.input<typeof RetryDeliveriesRequest>;

/** Answer of `POST /api/system/events/retry`. */
export const RetryDeliveriesResponse = z.object({
  /** How many parked deliveries were put back in line. */
  retried: z.number().int(),
});
export type RetryDeliveriesResponse = z.infer<typeof RetryDeliveriesResponse>;
