import { z } from "zod";
import { passwordProblem } from "~/server/auth/password";

export const ZEmail = z.email("Enter a valid email address.").max(254).transform((e) => e.toLowerCase());
export const ZPassword = z.string().superRefine((pw, ctx) => {
  const problem = passwordProblem(pw);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
const ZName = z.string().trim().min(2, "Enter your name.").max(100);

export const ZSignUpInput = z
  .object({
    role: z.enum(["CUSTOMER", "DEALER", "LENDER"]),
    name: ZName,
    email: ZEmail,
    password: ZPassword,
    // Dealers and lenders create their organisation as they sign up.
    orgName: z.string().trim().max(120).optional(),
    zip: z.string().trim().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.role !== "CUSTOMER" && (!v.orgName || v.orgName.length < 2)) {
      ctx.addIssue({ code: "custom", path: ["orgName"], message: "Enter your business name." });
    }
    if (v.role === "DEALER" && !/^\d{5}$/.test(v.zip ?? "")) {
      ctx.addIssue({ code: "custom", path: ["zip"], message: "Enter your dealership's 5-digit ZIP code." });
    }
  });
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZAddStaffInput = z
  .object({ name: ZName, email: ZEmail, password: ZPassword, role: z.enum(["OWNER", "STAFF"]) })
  .strict();
export type TAddStaffInput = z.infer<typeof ZAddStaffInput>;
