import { rmSync } from "node:fs";
import { dropTestDatabase } from "./admin-database";
import { pgliteTemplateFile } from "./template";

export default async function globalTeardown() {
  const url = process.env.DATABASE_URL;
  const name = process.env.PITCHDAY_TEST_TEMPLATE_DB;
  if (url && name) {
    await dropTestDatabase(url, name);
  }
  rmSync(pgliteTemplateFile(), { force: true });
}
