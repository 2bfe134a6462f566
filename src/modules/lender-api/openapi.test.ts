import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { openApiDocument } from "~/modules/lender-api/openapi";
import { decisionInputSchema } from "~/modules/lending/schemas";

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document according to an independent validator", async () => {
    const validator = new Validator();
    const result = await validator.validate(openApiDocument() as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("documents every endpoint, the bearer scheme and the error shape", () => {
    const doc = openApiDocument();
    expect(Object.keys(doc.paths).sort()).toEqual(["/decisions", "/inventory", "/leads/{id}/quotes", "/pre-approvals", "/pre-approvals/{id}", "/pre-approvals/{id}/decisions"]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.schemas.Error).toMatchObject({ properties: { error: { properties: { code: { type: "string" }, message: { type: "string" } } } } });
    const post = doc.paths["/pre-approvals/{id}/decisions"].post;
    expect(post.parameters.map((p) => p.name)).toContain("Idempotency-Key");
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(["201", "400", "401", "404", "409", "413", "422", "429"]));
  });

  it("tells lenders the quoted car's condition, the figure they price by", () => {
    const detail = openApiDocument().components.schemas as Record<string, unknown>;
    const text = JSON.stringify(detail);
    expect(text).toContain('"enum":["new","used","certified"]');
    expect(text).toMatch(/certified pre-owned/);
  });

  it("is generated from the schema the handler parses with (no drift)", () => {
    const schema = openApiDocument().components.schemas.DecisionInput as { oneOf?: unknown[]; anyOf?: unknown[] };
    const variants = (schema.oneOf ?? schema.anyOf) as { properties: { decision: { const: string } }; additionalProperties: boolean }[];
    expect(variants.map((v) => v.properties.decision.const).sort()).toEqual(["approved", "conditional", "declined"]);
    expect(variants.every((v) => v.additionalProperties === false)).toBe(true);
    expect(decisionInputSchema.safeParse({ decision: "approved", decisionVersion: 1, quoteVersion: 1, aprBps: 500, termMonths: 60, maxAmountCents: 1, extra: 1 }).success).toBe(false);
  });
});
