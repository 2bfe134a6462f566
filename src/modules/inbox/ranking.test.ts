import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { explainTop, filterQuotes, sortQuotes, SORT_KEYS, totalCostCents, type RankedQuote } from "~/modules/inbox/ranking";
import { bestFinancing, type OfferDecision } from "~/modules/inbox/best-financing";

const future = new Date(Date.now() + 86_400_000);
const decision = (over: Partial<OfferDecision> = {}): OfferDecision => ({
  id: "pa1",
  lenderName: "Lender A",
  status: "APPROVED",
  aprBps: 687,
  termMonths: 60,
  quoteVersion: 1,
  expiresAt: future,
  conditions: [],
  ...over,
});

const quote = (over: Partial<RankedQuote> & { id: string }): RankedQuote => ({
  dealerName: `Dealer ${over.id}`,
  otdCents: 3_000_000,
  financing: null,
  distanceMiles: 5,
  open: true,
  inStock: true,
  dealerRating: null,
  ...over,
});

const financed = (id: string, otd: number, apr: number, extra: Partial<RankedQuote> = {}) =>
  quote({ id, otdCents: otd, financing: bestFinancing(otd - 300_000, 1, [decision({ id: `pa-${id}`, aprBps: apr })]), ...extra });

describe("bestFinancing", () => {
  it("picks the lowest finance charge among usable decisions only", () => {
    const best = bestFinancing(2_500_000, 2, [
      decision({ id: "declined", status: "DECLINED", aprBps: 100 }),
      decision({ id: "stale", quoteVersion: 1, aprBps: 200 }),
      decision({ id: "expired", expiresAt: new Date(Date.now() - 1000), aprBps: 300 }),
      decision({ id: "pending", status: "PENDING", aprBps: null, termMonths: null }),
      decision({ id: "dear", quoteVersion: 2, aprBps: 900 }),
      decision({ id: "cheap", quoteVersion: 2, aprBps: 650, status: "CONDITIONAL", lenderName: "Lender B" }),
    ]);
    expect(best?.preApprovalId).toBe("cheap");
    expect(best?.conditional).toBe(true);
    expect(best?.totalOfPaymentsCents).toBe(best!.monthlyPaymentCents * 60);
    expect(best?.financeChargeCents).toBe(best!.totalOfPaymentsCents - 2_500_000);
  });

  it("returns null when nothing is usable", () => {
    expect(bestFinancing(1_000_000, 1, [decision({ status: "DECLINED" })])).toBeNull();
  });

  it("prefers a shorter term when it costs less credit, even at the same APR", () => {
    const best = bestFinancing(2_000_000, 1, [decision({ id: "long", termMonths: 72 }), decision({ id: "short", termMonths: 48 })]);
    expect(best?.preApprovalId).toBe("short");
  });
});

describe("sortQuotes", () => {
  const qs = [
    financed("a", 3_100_000, 900, { distanceMiles: 2 }),
    financed("b", 3_000_000, 700, { distanceMiles: 20 }),
    quote({ id: "c", otdCents: 2_900_000, distanceMiles: 1, open: false }),
    quote({ id: "d", otdCents: 3_050_000, distanceMiles: 8 }),
  ];

  it("orders by total cost with closed quotes last", () => {
    expect(sortQuotes(qs, "totalCost").map((q) => q.id)).toEqual(["d", "b", "a", "c"]);
  });

  it("puts quotes without financing after financed ones for monthly and APR", () => {
    expect(sortQuotes(qs, "monthly").map((q) => q.id)).toEqual(["b", "a", "d", "c"]);
    expect(sortQuotes(qs, "apr").map((q) => q.id)).toEqual(["b", "a", "d", "c"]);
  });

  it("orders by distance", () => {
    expect(sortQuotes(qs, "distance").map((q) => q.id)).toEqual(["a", "d", "b", "c"]);
  });

  it("is a permutation, keeps open quotes first and is non-decreasing in the key (property)", () => {
    const arb = fc.array(
      fc.record({
        id: fc.uuid(),
        otd: fc.integer({ min: 500_000, max: 10_000_000 }),
        apr: fc.option(fc.integer({ min: 0, max: 2500 }), { nil: null }),
        dist: fc.double({ min: 0, max: 100, noNaN: true }),
        open: fc.boolean(),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom(...SORT_KEYS), (rows, key) => {
        const list = rows.map((r) => (r.apr == null ? quote({ id: r.id, otdCents: r.otd, distanceMiles: r.dist, open: r.open }) : financed(r.id, r.otd, r.apr, { distanceMiles: r.dist, open: r.open })));
        const sorted = sortQuotes(list, key);
        expect(sorted.map((q) => q.id).sort()).toEqual(list.map((q) => q.id).sort());
        const firstClosed = sorted.findIndex((q) => !q.open);
        if (firstClosed >= 0) expect(sorted.slice(firstClosed).every((q) => !q.open)).toBe(true);
        if (key === "totalCost") {
          const open = sorted.filter((q) => q.open).map(totalCostCents);
          expect(open).toEqual([...open].sort((x, y) => x - y));
        }
      }),
    );
  });
});

describe("filterQuotes", () => {
  it("applies distance, financing, stock and open filters", () => {
    const qs = [financed("a", 3_000_000, 700, { distanceMiles: 5 }), quote({ id: "b", distanceMiles: 30, inStock: false }), quote({ id: "c", open: false })];
    expect(filterQuotes(qs, { maxDistanceMiles: 10 }).map((q) => q.id)).toEqual(["a", "c"]);
    expect(filterQuotes(qs, { financedOnly: true }).map((q) => q.id)).toEqual(["a"]);
    expect(filterQuotes(qs, { inStockOnly: true }).map((q) => q.id)).toEqual(["a", "c"]);
    expect(filterQuotes(qs, { hideClosed: true }).map((q) => q.id)).toEqual(["a", "b"]);
  });
});

describe("explainTop", () => {
  it("names the saving against the runner-up on total cost", () => {
    const sorted = sortQuotes([quote({ id: "x", otdCents: 3_000_000 }), quote({ id: "y", otdCents: 3_125_000 })], "totalCost");
    expect(explainTop(sorted, "totalCost")).toBe("Dealer x has the lowest total cost: $30,000, $1,250 less than Dealer y (cash price; no pre-approval yet).");
  });

  it("explains monthly payment and APR with the lender", () => {
    const sorted = sortQuotes([financed("a", 3_100_000, 900), financed("b", 3_000_000, 700)], "monthly");
    expect(explainTop(sorted, "monthly")).toMatch(/^Dealer b has the lowest monthly payment: \$[\d,.]+\/mo over 60 months with Lender A, \$[\d,.]+\/mo less than Dealer a\.$/);
    expect(explainTop(sortQuotes(sorted, "apr"), "apr")).toBe("Dealer b has the lowest APR: 7.00% from Lender A (next: 9.00%).");
  });

  it("calls equal APRs a tie and says the total cost broke it, never 'lowest APR (next: the same)'", () => {
    const sorted = sortQuotes([financed("a", 3_100_000, 688), financed("b", 3_000_000, 688)], "apr");
    expect(explainTop(sorted, "apr")).toBe("Dealer b ties Dealer a on APR at 6.88% and has the lower total cost.");
  });

  it("handles a single open quote and no open quote", () => {
    expect(explainTop([quote({ id: "a" }), quote({ id: "b", open: false })], "distance")).toBe("Dealer a is the only open quote (cash price; no pre-approval yet).");
    expect(explainTop([quote({ id: "b", open: false })], "totalCost")).toBeNull();
  });
});

describe("explainTop punctuation", () => {
  it("does not double the full stop after a name ending in one", () => {
    const sorted = sortQuotes([quote({ id: "x", dealerName: "Phoenix Motor Co.", distanceMiles: 1 }), quote({ id: "y", distanceMiles: 3 })], "distance");
    expect(explainTop(sorted, "distance")).toBe("Phoenix Motor Co. is the closest open quote at 1.0 mi (next: 3.0 mi).");
    const alone = explainTop([quote({ id: "z", dealerName: "Acme Co.", financing: bestFinancing(1_000_000, 1, [decision()]) })], "totalCost");
    expect(alone).toBe("Acme Co. is the only open quote.");
    const cheaper = explainTop(sortQuotes([quote({ id: "a", dealerName: "A", otdCents: 100 }), quote({ id: "b", dealerName: "B Co.", otdCents: 200 })], "totalCost"), "totalCost");
    expect(cheaper).toBe("A has the lowest total cost: $1, $1 less than B Co. (cash price; no pre-approval yet).");
  });
});

describe("after a deal", () => {
  it("puts the accepted quote above the losing ones, whatever the sort", () => {
    const quotes = [
      quote({ id: "cheap", otdCents: 2_000_000, open: false, status: "DECLINED", distanceMiles: 1 }),
      quote({ id: "won", otdCents: 3_500_000, open: false, status: "ACCEPTED", distanceMiles: 30 }),
      quote({ id: "mid", otdCents: 2_500_000, open: false, status: "DECLINED" }),
    ];
    for (const key of SORT_KEYS) expect(sortQuotes(quotes, key)[0]!.id).toBe("won");
  });
});

describe("ties broken by the dealer's record", () => {
  const equal = (id: string, over: Partial<RankedQuote> = {}) => quote({ id, dealerName: `Dealer ${id}`, ...over });

  it("puts the better-rated dealer first, but only from three ratings up", () => {
    const a = equal("a", { dealerRating: 4.1, dealerRatingCount: 10 });
    const b = equal("b", { dealerRating: 4.8, dealerRatingCount: 12 });
    const c = equal("c", { dealerRating: 5, dealerRatingCount: 1, distanceMiles: 1 });
    const sorted = sortQuotes([a, c, b], "totalCost");
    expect(sorted.map((q) => q.id)).toEqual(["b", "a", "c"]);
    expect(explainTop(sorted, "totalCost")).toBe("Dealer b ties Dealer a on total cost at $30,000 and has the better dealer rating (4.8 ★ from 12 ratings against 4.1 ★ from 10 ratings).");
  });

  it("first the dealer that more often delivered at the accepted price, from three deliveries up", () => {
    const kept = equal("kept", { priceHonoured: { deliveries: 10, honoured: 10 }, dealerRating: 3, dealerRatingCount: 10 });
    const slipped = equal("slipped", { priceHonoured: { deliveries: 10, honoured: 7 }, dealerRating: 5, dealerRatingCount: 10 });
    const fresh = equal("fresh", { priceHonoured: { deliveries: 2, honoured: 2 } });
    const sorted = sortQuotes([slipped, fresh, kept], "totalCost");
    expect(sorted.map((q) => q.id)).toEqual(["kept", "slipped", "fresh"]);
    expect(explainTop(sorted, "totalCost")).toBe("Dealer kept ties Dealer slipped on total cost at $30,000 and more often delivers at the accepted price (100% of deliveries against 70%).");
  });

  it("then, at equal stars, the dealer more of whose buyers said the price was as quoted", () => {
    const said = equal("said", { dealerRating: 4, dealerRatingCount: 4, priceAsQuotedShare: 0.75, distanceMiles: 9 });
    const less = equal("less", { dealerRating: 4, dealerRatingCount: 3, priceAsQuotedShare: 2 / 3, dealerSpeed: { medianSeconds: 60 } });
    const sorted = sortQuotes([less, said], "totalCost");
    expect(sorted.map((q) => q.id)).toEqual(["said", "less"]);
    expect(explainTop(sorted, "totalCost")).toBe("Dealer said ties Dealer less on total cost at $30,000 and more of its buyers say the price was as quoted (75% of 4 ratings against 67% of 3 ratings).");
  });

  it("a share from fewer than three ratings breaks no tie, and one new rating with the reason can flip the order", () => {
    const before = [equal("a", { dealerRating: 4, dealerRatingCount: 3, priceAsQuotedShare: 2 / 3, distanceMiles: 1 }), equal("b", { dealerRating: 4, dealerRatingCount: 3, priceAsQuotedShare: 2 / 3, distanceMiles: 3 })];
    expect(sortQuotes(before, "totalCost").map((q) => q.id)).toEqual(["a", "b"]);
    // b's next buyer gives 4 stars and ticks "price as quoted": 4.0 ★ still, 3 of 4 said price as quoted.
    const after = [before[0]!, { ...before[1]!, dealerRatingCount: 4, priceAsQuotedShare: 0.75 }];
    expect(sortQuotes(after, "totalCost").map((q) => q.id)).toEqual(["b", "a"]);
    const few = [equal("x", { dealerRating: 4, dealerRatingCount: 2, priceAsQuotedShare: 1, distanceMiles: 5 }), equal("y", { dealerRating: 4, dealerRatingCount: 2, priceAsQuotedShare: 0, distanceMiles: 1 })];
    expect(sortQuotes(few, "totalCost").map((q) => q.id)).toEqual(["y", "x"]);
  });

  it("then the dealer that usually answers faster", () => {
    const slow = equal("slow", { dealerSpeed: { medianSeconds: 2 * 3600 } });
    const fast = equal("fast", { dealerSpeed: { medianSeconds: 240 }, distanceMiles: 40 });
    const none = equal("none", { distanceMiles: 0.5 });
    const sorted = sortQuotes([none, slow, fast], "totalCost");
    expect(sorted.map((q) => q.id)).toEqual(["fast", "slow", "none"]);
    expect(explainTop(sorted, "totalCost")).toBe("Dealer fast ties Dealer slow on total cost at $30,000 and usually answers faster (4 min against 2 h).");
  });

  it("then the closer dealer", () => {
    const sorted = sortQuotes([equal("far", { distanceMiles: 9 }), equal("near", { distanceMiles: 2 })], "totalCost");
    expect(explainTop(sorted, "totalCost")).toBe("Dealer near ties Dealer far on total cost at $30,000 and is closer.");
  });

  it("never outranks a lower total cost", () => {
    const cheap = equal("cheap", { otdCents: 2_900_000 });
    const loved = equal("loved", { dealerRating: 5, dealerRatingCount: 50, dealerSpeed: { medianSeconds: 10 } });
    expect(sortQuotes([loved, cheap], "totalCost")[0]!.id).toBe("cheap");
  });
});
