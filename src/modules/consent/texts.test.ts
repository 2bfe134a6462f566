import { describe, expect, it } from "vitest";
import { creditShareText } from "~/modules/consent/texts";
import { MAX_LENDERS_PER_QUOTE } from "~/modules/lending/pre-approve-quote";

describe("creditShareText", () => {
  it("says exactly who may see the profile: every lender, or only the ones picked", () => {
    expect(creditShareText("ALL")).toContain("with every lender on Keyturn,");
    expect(creditShareText(["Canyon Credit Union", "Desert Bank"])).toContain("with only these lenders: Canyon Credit Union, Desert Bank,");
    expect(creditShareText(["Desert Bank"])).not.toMatch(/lenders I allow|every lender/);
  });

  it("states the per-quote limit the pre-approval job applies", () => {
    expect(creditShareText("ALL")).toContain(`asks up to ${MAX_LENDERS_PER_QUOTE} of them`);
  });
});
