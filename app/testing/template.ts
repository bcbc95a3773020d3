import { tmpdir } from "node:os";
import path from "node:path";

// Where the migrated template database of a test run lives, shared by global setup,
// every test file and global teardown.
export function pgliteTemplateFile() {
  // why: global setup runs in Jest's main process and sets this for the workers it starts.
  return (process.env.PITCHDAY_TEST_PGLITE_TEMPLATE ??= path.join(
    tmpdir(),
    `pitchday-test-template-${process.pid}.tar.gz`,
  ));
}

export function templateDatabaseName() {
  return process.env.PITCHDAY_TEST_TEMPLATE_DB ?? "pitchday_test_template";
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
