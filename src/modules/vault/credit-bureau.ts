/**
 * How Keyturn gets a credit profile by soft inquiry. A real bureau (Experian, Equifax, TransUnion, or a
 * reseller) implements `CreditBureau`; the app only ever calls `softPull`, and only from
 * src/modules/vault/soft-pull.ts after the customer's recorded instruction.
 *
 * The built-in sandbox bureau answers deterministically for these documented test identities, chosen by
 * the last four digits of the SSN (any name and date of birth):
 *
 *   last 4 | score | tier
 *   -------|-------|--------------
 *   0001   | 812   | Super-prime
 *   0002   | 742   | Prime
 *   0003   | 634   | Near-prime
 *   0004   | 562   | Subprime
 *   0005   | 488   | Deep subprime
 *   other  | no file found (a real bureau's "thin file"), so nothing is stored
 *
 * The SSN digits go to the bureau only; Keyturn never stores them.
 */
export type BureauIdentity = { firstName: string; lastName: string; dateOfBirth: string; zip: string; ssnLast4: string };

export type BureauReport = { found: true; score: number; bureau: string; reportId: string } | { found: false; bureau: string };

export interface CreditBureau {
  readonly name: string;
  softPull(identity: BureauIdentity): Promise<BureauReport>;
}

export const SANDBOX_IDENTITIES: { ssnLast4: string; score: number; label: string }[] = [
  { ssnLast4: "0001", score: 812, label: "Super-prime" },
  { ssnLast4: "0002", score: 742, label: "Prime" },
  { ssnLast4: "0003", score: 634, label: "Near-prime" },
  { ssnLast4: "0004", score: 562, label: "Subprime" },
  { ssnLast4: "0005", score: 488, label: "Deep subprime" },
];

export const sandboxBureau: CreditBureau = {
  name: "Keyturn sandbox bureau",
  async softPull(identity) {
    const hit = SANDBOX_IDENTITIES.find((i) => i.ssnLast4 === identity.ssnLast4);
    if (!hit) return { found: false, bureau: this.name };
    return { found: true, score: hit.score, bureau: this.name, reportId: `sbx_${identity.ssnLast4}_${identity.zip}` };
  },
};

let current: CreditBureau = sandboxBureau;
/** The bureau in use. Tests swap in a spy to prove when it is (and is not) called. */
export const creditBureau = () => current;
export function setCreditBureau(b: CreditBureau) {
  current = b;
}
