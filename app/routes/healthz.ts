import { checkDatabase } from "~/models/database-health.server";

// For load balancers and uptime checks: 200 when the database answers, 503 when not.
export async function loader() {
  const check = await checkDatabase();
  const headers = { "Cache-Control": "no-store" };
  if (check.ok) return Response.json({ status: "ok", database: check.engine, latencyMs: check.latencyMs }, { headers });
  console.error("healthz: database did not answer:", check.error);
  return Response.json({ status: "unavailable", database: check.engine, error: "The database did not answer." }, { status: 503, headers });
}
