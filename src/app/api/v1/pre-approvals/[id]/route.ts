import { apiRoute, idSchema } from "~/server/rest/handler";
import { notFound } from "~/server/errors";
import { getPreApproval } from "~/modules/lending/lender-api";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ caller, params }) => {
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw notFound("No such pre-approval request.");
  return { body: await getPreApproval(caller, id.data) };
});
