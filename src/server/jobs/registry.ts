import type { JobDefinition } from "~/server/jobs/define";
import { fanOutJob } from "~/modules/matching/fan-out";
import { autoQuoteJob } from "~/modules/quotes/auto-quote.job";
import { pruneLeadDaysJob } from "~/modules/matching/lead-days";
import { notifyDealersOfLeads } from "~/modules/matching/notify-dealers.job";
import { retentionSweepJob } from "~/modules/vault/retention";
import { lendingJobs } from "~/modules/lending/jobs";
import { expirePreApprovalsJob } from "~/modules/lending/expire-pre-approvals";
import { sendNotificationEmail } from "~/modules/notifications/send-email.job";
import { pruneGrowingTablesJob } from "~/modules/housekeeping/prune-growing-tables";
import { sweepStrandedDeliveriesJob } from "~/modules/webhooks/sweep-deliveries";
import { pruneJobsJob } from "~/server/jobs/prune-jobs";
import { sendResetEmailJob } from "~/modules/accounts/send-reset-email.job";
import { refreshResponseStatsJob } from "~/modules/speed/refresh-response-stats.job";
import { planLeadDeliveriesJob, planResendJob } from "~/modules/crm/plan-deliveries";
import { deliverCrmJob } from "~/modules/crm/deliver-crm";
import { sweepStrandedCrmDeliveriesJob } from "~/modules/crm/sweep-crm-deliveries";
import { forwardBuyerMessageJob } from "~/modules/relay/forward-buyer-message";
import { refreshMarketJob } from "~/modules/analytics/market-by-metro";

// Every job the worker knows. Modules declare their jobs next to their use-cases and list them here.
export const jobDefinitions: JobDefinition[] = [
  fanOutJob as JobDefinition,
  refreshMarketJob as JobDefinition,
  autoQuoteJob as JobDefinition,
  pruneLeadDaysJob as JobDefinition,
  notifyDealersOfLeads as JobDefinition,
  retentionSweepJob as JobDefinition,
  ...(lendingJobs as JobDefinition[]),
  expirePreApprovalsJob as JobDefinition,
  sendNotificationEmail as JobDefinition,
  pruneGrowingTablesJob as JobDefinition,
  sweepStrandedDeliveriesJob as JobDefinition,
  pruneJobsJob as JobDefinition,
  sendResetEmailJob as JobDefinition,
  refreshResponseStatsJob as JobDefinition,
  planLeadDeliveriesJob as JobDefinition,
  planResendJob as JobDefinition,
  deliverCrmJob as JobDefinition,
  sweepStrandedCrmDeliveriesJob as JobDefinition,
  forwardBuyerMessageJob as JobDefinition,
];

export const jobsById = () => new Map(jobDefinitions.map((d) => [d.id, d]));
