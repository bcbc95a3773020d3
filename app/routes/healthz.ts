import { database } from "~/db.server";

// For load balancers and uptime checks: 200 when the database answers, 503 when not.
export async function loader() {
  const started = Date.now();
  try {
    const db = database();
    await db.sql.query("SELECT 1");
    return Response.json(
      { status: "ok", database: db.engine, latencyMs: Date.now() - started },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    console.error("healthz: database did not answer:", (error as Error).message);
    let engine: string;
    try {
      engine = database().engine;
    } catch {
      engine = "unknown";
    }
    return Response.json(
      { status: "unavailable", database: engine, error: "The database did not answer." },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
