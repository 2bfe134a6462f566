import type { KeepInTouchPeriod, KeepInTouchTopic } from "~/generated/prisma/enums";
import { nextWindowStart } from "./cap-window";

// A dealer's message is an answer, not "unsolicited", when the buyer wrote in the thread within this many
// days. Two weeks covers a slow back-and-forth about a service booking without letting one old question
// open the door for good.
export const REPLY_WINDOW_DAYS = 14;
// The longest a buyer can let a dealer keep in touch in one go; they can give a new grant after it ends.
export const MAX_GRANT_DAYS = 730;
export const MAX_CAP_COUNT = 4;

export const TOPIC_WORDS: Record<KeepInTouchTopic, string> = { SERVICE: "Service", RECALLS: "Recalls", TRADE_IN_OFFERS: "Trade-in offers" };
// How one message under the topic reads in "Who saw my data" and in the buyer's notification.
export const TOPIC_ONE: Record<KeepInTouchTopic, string> = { SERVICE: "a service reminder", RECALLS: "a recall notice", TRADE_IN_OFFERS: "a trade-in offer" };
export const PERIOD_WORDS: Record<KeepInTouchPeriod, string> = { WEEK: "week", MONTH: "month", QUARTER: "quarter" };

/** Whether the buyer wrote recently enough that the dealer's message answers them. Pure. */
export function isReply(lastBuyerMessageAt: Date | null, now: Date): boolean {
  return lastBuyerMessageAt !== null && now.getTime() - lastBuyerMessageAt.getTime() <= REPLY_WINDOW_DAYS * 86_400_000;
}

export type GrantState = { topics: KeepInTouchTopic[]; capCount: number; capPeriod: KeepInTouchPeriod; endsAt: Date; revokedAt: Date | null };

const day = (d: Date) => d.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/**
 * Why an unsolicited message may not go, as the sentence the dealer sees beside the topic; null when it may.
 * `usedInWindow` counts the messages already sent under this grant in the current calendar window. Pure.
 */
export function refusal(input: { grant: GrantState | null; topic: KeepInTouchTopic | undefined; usedInWindow: number; now: Date; buyer: string }): string | null {
  const { grant, topic, now, buyer } = input;
  const answerOnly = `You can still answer ${buyer}'s messages within ${REPLY_WINDOW_DAYS} days of their last one.`;
  if (!grant) return `${buyer} has not given you a keep-in-touch grant, so you cannot start a conversation. ${answerOnly}`;
  if (grant.revokedAt) return `${buyer} revoked their keep-in-touch grant on ${day(grant.revokedAt)}. ${answerOnly}`;
  if (grant.endsAt <= now) return `${buyer}'s keep-in-touch grant ended on ${day(new Date(grant.endsAt.getTime() - 1))}. ${answerOnly}`;
  if (!topic) return `Choose what this message is about: ${buyer}'s grant covers ${grant.topics.map((t) => TOPIC_WORDS[t]).join(", ")}.`;
  if (!grant.topics.includes(topic)) {
    return `${buyer}'s grant does not cover ${TOPIC_WORDS[topic].toLowerCase()}; it covers ${grant.topics.map((t) => TOPIC_WORDS[t].toLowerCase()).join(", ")} only.`;
  }
  if (input.usedInWindow >= grant.capCount) {
    return `You have sent ${input.usedInWindow} of the ${grant.capCount} message${grant.capCount === 1 ? "" : "s"} ${buyer} allows per calendar ${PERIOD_WORDS[grant.capPeriod]}. The next can go from ${day(nextWindowStart(grant.capPeriod, now))}.`;
  }
  return null;
}
