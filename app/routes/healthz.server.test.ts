import { useTestDatabase } from "~/testing/database";
import { closeDatabase, database } from "~/db.server";
import { loader } from "~/routes/healthz";

useTestDatabase();

describe("GET /healthz", () => {
  it("answers 200 and names the engine in use", async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: process.env.DATABASE_URL ? "postgresql" : "pglite" });
    expect(database().engine).toBe(body.database);
  });

  it("answers 503 when the database does not answer", async () => {
    await closeDatabase();
    const response = await loader();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "unavailable" });
  });
});
