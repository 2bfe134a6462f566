/**
 * Badge and chip counts stop at COUNT_CAP. Counting further reads every row an actor ever had (a busy
 * dealer's 60,000 leads), so the cost would grow with success; nobody acts differently on 1,312 than on
 * "99+". Queries count with `LIMIT COUNT_CAP`; the UI shows a capped count as "99+".
 */
export const COUNT_CAP = 100;

/** "99+" once a count reached the cap, the number otherwise. */
export const formatCount = (n: number) => (n >= COUNT_CAP ? `${COUNT_CAP - 1}+` : String(n));

/** A total of capped counts is itself capped: past the cap the parts no longer add up. */
export const sumCounts = (xs: readonly (number | undefined)[]) => Math.min(COUNT_CAP, xs.reduce<number>((a, b) => a + (b ?? 0), 0));
