// Hand-written examples for the API reference; the e2e integrator test exercises the same calls.
const j = (v: unknown) => JSON.stringify(v, null, 2);

const preApproval = {
  id: "cm3x9k2lp0004qz8h2c1d7f5a",
  object: "pre_approval",
  status: "pending",
  request_id: "cm3x9jzq80001qz8h1m2n3b4c",
  quote_id: "cm3x9k1a90003qz8hx7y6z5w4",
  quote_version: 1,
  amount_cents: 2_873_500,
  decision_version: 0,
  apr_bps: null,
  term_months: null,
  max_amount_cents: null,
  monthly_payment_cents: null,
  conditions: [],
  reasons: [],
  source: null,
  decided_at: null,
  expires_at: "2026-12-22T16:00:00.000Z",
  created_at: "2026-11-22T16:00:00.000Z",
};

export const examples = {
  auth: `curl https://keyturn.example/api/v1/pre-approvals \\\n  -H "Authorization: Bearer kt_live_…"`,
  error: j({ error: { code: "not_found", message: "No such pre-approval request." } }),
  listPreApprovals: {
    request: `curl "https://keyturn.example/api/v1/pre-approvals?status=pending&limit=20" \\\n  -H "Authorization: Bearer $KEYTURN_KEY"`,
    response: j({ object: "list", data: [preApproval], has_more: false, next_cursor: null }),
  },
  getPreApproval: {
    request: `curl https://keyturn.example/api/v1/pre-approvals/${preApproval.id} \\\n  -H "Authorization: Bearer $KEYTURN_KEY"`,
    response: j({
      ...preApproval,
      vehicle: { year: 2025, make: "Toyota", model: "RAV4", trim: "XLE", condition: "NEW", body_type: "SUV", mileage: 12, vin: "2T3P1RFV5RC123456" },
      quote: { otd_cents: 3_173_500, amount_financed_cents: 2_873_500, down_payment_cents: 300_000, requested_term_months: 60 },
      applicant: { credit: { score: 742, tier: "PRIME", source: "SELF_REPORTED" }, income: { annual_income_cents: 9_600_000, housing_cost_cents: 165_000 } },
    }),
  },
  postDecision: {
    request: `curl https://keyturn.example/api/v1/pre-approvals/${preApproval.id}/decisions \\\n  -H "Authorization: Bearer $KEYTURN_KEY" \\\n  -H "Idempotency-Key: 6f1c2e0a-8d1b-4b7e-9a51-2f0c7d3e9b11" \\\n  -H "Content-Type: application/json" \\\n  -d '${JSON.stringify({ decision: "approved", decisionVersion: 1, quoteVersion: 1, aprBps: 689, termMonths: 60, maxAmountCents: 3_500_000 })}'`,
    response: j({ applied: true, pre_approval: { ...preApproval, status: "approved", decision_version: 1, apr_bps: 689, term_months: 60, max_amount_cents: 3_500_000, monthly_payment_cents: 56_750, source: "api", decided_at: "2026-11-22T16:01:12.000Z" } }),
  },
  listDecisions: {
    request: `curl "https://keyturn.example/api/v1/decisions?limit=50" \\\n  -H "Authorization: Bearer $KEYTURN_KEY"`,
    response: j({ object: "list", data: [{ ...preApproval, status: "declined", decision_version: 1, reasons: ["Debt-to-income ratio too high"], source: "api" }], has_more: false, next_cursor: null }),
  },
  event: j({ id: "evt_2b0f9c6e1d7a4f3b8c5e9a1d0f2b4c6e", type: "pre_approval.requested", created: "2026-11-22T16:00:00.000Z", data: { pre_approval_id: preApproval.id, request_id: preApproval.request_id, quote_id: preApproval.quote_id, quote_version: 1, amount_cents: 2_873_500 } }),
};

export const eventNames = ["pre_approval.requested", "pre_approval.cancelled", "quote.revised", "consent.revoked", "deal.accepted"];

export const verifyExample = `import { createHmac, timingSafeEqual } from "node:crypto";

// header = req.headers["keyturn-signature"]; body = the raw request body (string)
export function verifyKeyturnSignature(header, body, secrets, toleranceSeconds = 300) {
  const parts = header.split(",").map((p) => p.split("="));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const sigs = parts.filter(([k]) => k === "v1").map(([, v]) => Buffer.from(v, "hex"));
  return secrets.some((secret) => {
    const expected = createHmac("sha256", secret).update(\`\${t}.\${body}\`).digest();
    return sigs.some((s) => s.length === expected.length && timingSafeEqual(s, expected));
  });
}`;
