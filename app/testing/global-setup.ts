import { writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { migrate } from "../db/migrate.server";
import { pgliteTemplateFile, withDatabase } from "./template";

// Migrates one template database per test run; each test file then starts from a copy of it,
// on the same engine the app uses (PGlite by default, PostgreSQL when DATABASE_URL is set).
export default async function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `pitchday_tpl_${process.pid}`;
    process.env.PITCHDAY_TEST_TEMPLATE_DB = name;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const tpl = new pg.Client({ connectionString: withDatabase(url, name) });
    await tpl.connect();
    await migrate({
      exec: async (sql) => void (await tpl.query(sql)),
      query: async (sql, params) => (await tpl.query(sql, params as unknown[])).rows,
    });
    await tpl.end();
  } else {
    const db = new PGlite();
    await migrate({
      exec: async (sql) => void (await db.exec(sql)),
      query: async (sql, params) => (await db.query(sql, params as unknown[])).rows as never[],
    });
    const dump = await db.dumpDataDir("gzip");
    writeFileSync(pgliteTemplateFile(), Buffer.from(await dump.arrayBuffer()));
    await db.close();
  }
}
