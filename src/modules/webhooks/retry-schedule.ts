import { env } from "~/env.js";

const span = (s: number) => (s < 3600 ? `${Math.round(s / 60)} min` : `${Math.round((s / 3600) * 10) / 10} h`);

/** The webhook retry schedule in words, for the API reference and the OpenAPI document (from the same setting the worker uses). */
export function describeWebhookRetries(schedule = env.WEBHOOK_RETRY_SCHEDULE): string {
  const total = schedule.reduce((a, b) => a + b, 0);
  return (
    `A failed delivery (no 2xx within ${env.WEBHOOK_TIMEOUT_SECONDS} s) is retried ${schedule.length} times, after ${schedule.map(span).join(", ")} ` +
    `(each plus up to 10% jitter): ${schedule.length + 1} attempts over about ${span(total)}. Then it is dead-lettered until you redrive it from the delivery log, ` +
    `which also sends any pending event again at once.`
  );
}
