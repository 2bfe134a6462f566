import type { JobDefinition } from "~/server/jobs/define";
import { fanOutJob } from "~/modules/matching/fan-out";
import { retentionSweepJob } from "~/modules/vault/retention";
import { lendingJobs } from "~/modules/lending/jobs";
import { sendNotificationEmail } from "~/modules/notifications/send-email.job";

// Every job the worker knows. Modules declare their jobs next to their use-cases and list them here.
export const jobDefinitions: JobDefinition[] = [
  fanOutJob as JobDefinition,
  retentionSweepJob as JobDefinition,
  ...(lendingJobs as JobDefinition[]),
  sendNotificationEmail as JobDefinition,
];

export const jobsById = () => new Map(jobDefinitions.map((d) => [d.id, d]));
