import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { closeDatabase, openDatabase, db } from "~/db.server";
import { adminQuery, dropTestDatabase } from "~/testing/admin-database";
import { pgliteTemplateFile, templateDatabaseName, withDatabase } from "~/testing/template";

/**
 * Gives the calling test file its own fresh, migrated database on the engine under test:
 * a copy of the PGlite template, or a PostgreSQL database made from the template database.
 */
export function useTestDatabase() {
  let dropName: string | undefined;
  beforeAll(async () => {
    const url = process.env.DATABASE_URL;
    if (url) {
      dropName = `pitchday_test_${randomBytes(6).toString("hex")}`;
      await adminQuery(url, `CREATE DATABASE ${dropName} TEMPLATE ${templateDatabaseName()}`);
      await openDatabase({ url: withDatabase(url, dropName), migrate: false });
    } else {
      const file = pgliteTemplateFile();
      await openDatabase({ pgliteTemplate: new Blob([readFileSync(file)]), migrate: false });
    }
  });
  afterAll(async () => {
    await closeDatabase();
    if (dropName && process.env.DATABASE_URL) {
      await dropTestDatabase(process.env.DATABASE_URL, dropName);
    }
  });
  return db;
}
