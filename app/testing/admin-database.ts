import pg from "pg";

/** Runs one statement on the server as the test role, on a connection of its own (CREATE DATABASE and friends). */
export async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Drops a test database, even when some other backend (most often an autovacuum worker on a
 * freshly copied database) is still connected to it. DROP ... WITH (FORCE) needs the right to
 * signal that backend (pg_signal_backend, granted by .ci/run); without it, wait until the
 * database has no other connection and drop it plainly. A test database left behind is a
 * warning, never a failed suite.
 */
export async function dropTestDatabase(url: string, name: string, attempts = 6) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
        return;
      } catch (error) {
        if (!isRetryable(error)) throw error;
        await waitForOtherBackendsToLeave(admin, name);
        try {
          await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
          return;
        } catch (plainError) {
          if (!isRetryable(plainError)) throw plainError;
        }
      }
    }
    console.warn(`Test database ${name} could not be dropped; drop it by hand.`);
  } finally {
    await admin.end();
  }
}

// 42501: not allowed to signal a backend; 55006: the database is still being accessed.
function isRetryable(error: unknown) {
  const code = (error as { code?: string }).code;
  return code === "42501" || code === "55006";
}

async function waitForOtherBackendsToLeave(admin: pg.Client, name: string) {
  // why: pg_sleep inside the server, not a timer here: it waits on the database's state, polled.
  await admin.query(
    `DO $$ BEGIN
       FOR i IN 1..50 LOOP
         -- why: pg_stat_activity is read once per transaction unless its snapshot is cleared.
         PERFORM pg_stat_clear_snapshot();
         EXIT WHEN NOT EXISTS (SELECT 1 FROM pg_stat_activity
                                WHERE datname = ${quoteLiteral(name)} AND pid <> pg_backend_pid());
         PERFORM pg_sleep(0.1);
       END LOOP;
     END $$`,
  );
}

function quoteIdent(name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unexpected test database name: ${name}`);
  return name;
}

function quoteLiteral(name: string) {
  return `'${quoteIdent(name)}'`;
}
