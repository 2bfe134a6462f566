import { openApiDocument } from "~/modules/lender-api/openapi";

// Rendered per request: the retry schedule it states comes from this deployment's validated environment, which a build does not have.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "access-control-allow-origin": "*" } });
}
