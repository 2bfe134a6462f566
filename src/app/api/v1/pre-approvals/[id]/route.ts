import { forNext } from "~/server/rest/next";
import { getPreApprovalRoute } from "~/server/rest/routes";

export const dynamic = "force-dynamic";

export const GET = forNext(getPreApprovalRoute);
