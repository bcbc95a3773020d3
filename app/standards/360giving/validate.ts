import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import packageSchema from "./360-giving-package-schema.json";
import grantSchema from "./360-giving-schema.json";

// The official 360Giving schema, checked at run time: the export script and the download routes
// refuse to hand out a file that would fail GrantNav or the Data Quality Tool. Pure (the schemas
// are bundled JSON, not read from disk, so the server build carries them).
//
// Interface:
//   threeSixtyPackageValidator()  -> Ajv's compiled check of a whole package (compiled once)
//   threeSixtyProblems(package)   -> one plain line per problem, naming the grant; [] when valid

const GRANT_1_4_2 = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json";

let compiled: ValidateFunction | null = null;

export function threeSixtyPackageValidator(): ValidateFunction {
  if (compiled) return compiled;
  // The schemas name draft 2020-12 by its http:// URL and carry 360Giving's own annotation
  // keywords; strictRequired is off because the grant schema lists required fields inside
  // oneOf branches. The package schema points at the 1.4.2 grant URL: register both.
  const withoutMeta = ({ $schema: _meta, ...schema }: Record<string, unknown>) => schema;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true });
  ajv.addVocabulary(["codelist", "openCodelist", "rollUp"]);
  addFormats(ajv);
  const grant = withoutMeta(grantSchema);
  ajv.addSchema(grant);
  ajv.addSchema({ ...grant, $id: GRANT_1_4_2 });
  compiled = ajv.compile(withoutMeta(packageSchema));
  return compiled;
}

function where(pkg: unknown, error: ErrorObject): string {
  const match = /^\/grants\/(\d+)(\/.*)?$/.exec(error.instancePath);
  if (!match) return error.instancePath ? `The package's ${error.instancePath.slice(1)}` : "The package";
  const grants = (pkg as { grants?: { id?: unknown }[] }).grants ?? [];
  const id = grants[Number(match[1])]?.id;
  const grant = typeof id === "string" && id ? `Grant ${id}` : `Grant ${Number(match[1]) + 1}`;
  return match[2] ? `${grant}, ${match[2].slice(1)}` : grant;
}

function what(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const value = typeof error.data === "string" || typeof error.data === "number" ? ` (it is ${JSON.stringify(error.data)})` : "";
  if (error.keyword === "pattern") return `does not match the pattern ${String(params.pattern)}${value}`;
  if (error.keyword === "enum") {
    const allowed = params.allowedValues as unknown[];
    return `${allowed.length > 8 ? "is not a code the standard allows" : `must be one of ${allowed.join(", ")}`}${value}`;
  }
  return `${error.message ?? error.keyword}${value}`;
}

/** Every way the package fails the official schema, as lines a person can act on. */
export function threeSixtyProblems(pkg: unknown): string[] {
  const validate = threeSixtyPackageValidator();
  if (validate(pkg)) return [];
  // oneOf/anyOf add a summary line after the branch errors that already said what is wrong.
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== "oneOf" && e.keyword !== "anyOf" && e.keyword !== "if");
  return [...new Set((errors.length ? errors : (validate.errors ?? [])).map((e) => `${where(pkg, e)}: ${what(e)}.`))];
}
