import { forNext } from "~/server/rest/next";
import { listPreApprovalsRoute } from "~/server/rest/routes";

export const dynamic = "force-dynamic";

export const GET = forNext(listPreApprovalsRoute);
