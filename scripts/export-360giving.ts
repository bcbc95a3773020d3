// Usage: npm run export:360giving -- --out FILE [--fund ID | --round ID] [--csv FILE] [--license URL]
// Writes the awards of a fund (or of one round) as a 360Giving data package (JSON), and with
// --csv as 360Giving's spreadsheet columns too, from the database the app uses (PGLITE_DIR or
// DATABASE_URL). With neither --fund nor --round it exports the one fund that has awards, and
// lists the funds to choose from when there are several. Nothing personal is written.
// Every package is checked against the official 360Giving schema first; one that fails is not
// written. Exit codes: 0 written, 1 nothing to export or it would not be valid, 2 it could not be done (bad options, no database,
// no such fund or round).
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDatabase, openDatabase } from "~/db.server";
import { formatMoney } from "~/domain/money";
import { fundOpenData, openDataFunds, roundOpenData, type OpenData } from "~/models/three-sixty.server";
import { env } from "~/utils/env.server";

const USAGE = "Usage: npm run export:360giving -- --out FILE [--fund ID | --round ID] [--csv FILE] [--license URL]";

class Refusal extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}

interface Options {
  out: string;
  csv?: string;
  fund?: string;
  round?: string;
  license?: string;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: "string" }, csv: { type: "string" }, fund: { type: "string" }, round: { type: "string" }, license: { type: "string" } },
    strict: true,
    allowPositionals: false,
  });
  if (!values.out) throw new Refusal("Say where to write the package with --out FILE.", 2);
  if (values.fund && values.round) throw new Refusal("Give --fund or --round, not both.", 2);
  if (values.license && !/^https?:\/\/\S+$/.test(values.license)) throw new Refusal("--license must be the licence's web address, e.g. https://creativecommons.org/licenses/by/4.0/", 2);
  return { out: values.out, csv: values.csv, fund: values.fund, round: values.round, license: values.license };
}

async function chosenData(options: Options, now: Date): Promise<OpenData> {
  const settings = { now, license: options.license };
  if (options.round) {
    const data = await roundOpenData(options.round, settings);
    if (!data) throw new Refusal(`There is no round with the id ${options.round}.`, 2);
    return data;
  }
  if (options.fund) {
    const data = await fundOpenData(options.fund, settings);
    if (!data) throw new Refusal(`There is no fund with the id ${options.fund}.${await fundList()}`, 2);
    return data;
  }
  const funds = await openDataFunds();
  const withGrants = funds.filter((f) => f.grants > 0);
  if (withGrants.length === 0) throw new Refusal("No fund has any awards yet, so there is nothing to publish.", 1);
  if (withGrants.length > 1) throw new Refusal(`Several funds have awards: choose one with --fund ID.${await fundList()}`, 2);
  return (await fundOpenData(withGrants[0].id, settings))!;
}

async function fundList() {
  const funds = await openDataFunds();
  if (funds.length === 0) return "\nThere are no funds yet.";
  return `\nFunds:\n${funds.map((f) => `  ${f.id}  ${f.name} (${f.grants} ${f.grants === 1 ? "grant" : "grants"})`).join("\n")}`;
}

export async function main(argv: string[], now = new Date()): Promise<number> {
  let options: Options;
  try {
    options = readOptions(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    const settings = env();
    if (!settings.DATABASE_URL && !existsSync(path.resolve(settings.PGLITE_DIR))) {
      // why: opening a missing PGlite folder would quietly create an empty database.
      throw new Refusal(`There is no database in ${path.resolve(settings.PGLITE_DIR)}.`, 2);
    }
    await openDatabase({ migrate: false });
    const data = await chosenData(options, now);
    if (data.grants === 0) throw new Refusal(`${data.name} has no awards yet, so there is nothing to publish.`, 1);
    if (data.problems.length > 0) {
      // why nothing is written: a file that fails the official schema must not reach a publisher.
      throw new Refusal(
        `Nothing written: the file would not pass the official 360Giving schema.\n${data.problems.map((p) => `  ${p}`).join("\n")}`,
        1,
      );
    }
    writeFileSync(options.out, `${JSON.stringify(data.package, null, 2)}\n`);
    if (options.csv) writeFileSync(options.csv, `\uFEFF${data.csv}`);
    const money = (pence: number) => formatMoney(pence, data.currency);
    console.log(
      `Wrote ${data.grants} ${data.grants === 1 ? "grant" : "grants"} from ${data.name} (${money(data.awardedPence)} awarded, ${money(data.disbursedPence)} paid) to ${options.out}` +
        (options.csv ? ` and ${options.csv}` : ""),
    );
    return 0;
  } catch (error) {
    if (error instanceof Refusal) {
      console.error(error.message);
      return error.code;
    }
    console.error(`Could not export: ${(error as Error).message}`);
    return 2;
  } finally {
    await closeDatabase().catch(() => undefined);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
