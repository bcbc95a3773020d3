import { rmSync } from "node:fs";
import pg from "pg";
import { pgliteTemplateFile } from "./template";

export default async function globalTeardown() {
  const url = process.env.DATABASE_URL;
  const name = process.env.PITCHDAY_TEST_TEMPLATE_DB;
  if (url && name) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  rmSync(pgliteTemplateFile(), { force: true });
}
