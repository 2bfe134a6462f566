import { describe, expect, it } from "vitest";
import { judgeWorkerHealth } from "~/server/jobs/health";
import { describeWebhookRetries } from "~/modules/webhooks/retry-schedule";

describe("worker health", () => {
  it("is red with no live worker, or with due work waiting past a minute, and green otherwise", () => {
    expect(judgeWorkerHealth({ liveWorkers: 0, lastClaimAt: null, oldestDueSeconds: null })).toMatchObject({ ok: false, problem: expect.stringMatching(/No job worker/) });
    expect(judgeWorkerHealth({ liveWorkers: 2, lastClaimAt: new Date(), oldestDueSeconds: 61 })).toMatchObject({ ok: false, problem: expect.stringMatching(/waited 61 seconds/) });
    expect(judgeWorkerHealth({ liveWorkers: 1, lastClaimAt: null, oldestDueSeconds: 3 })).toMatchObject({ ok: true, problem: null });
  });
});

describe("webhook retry schedule in the API reference", () => {
  it("says the attempts and the span the worker uses", () => {
    expect(describeWebhookRetries([60, 3600, 86400])).toMatch(/retried 3 times, after 1 min, 1 h, 24 h .*4 attempts over about 25 h/);
  });
});
