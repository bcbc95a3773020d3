import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";

// The official 360Giving package validator, as app/domain/three-sixty.test.ts builds it, for
// tests of what Pitchday exports. The schemas live beside the clone (CI checks out shared/).

// why inside the project: the official schema ships with the code that must pass it.
const standards = path.resolve(__dirname, "../standards/360giving");
const GRANT_1_4_2 = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json";

export function threeSixtyPackageValidator() {
  const read = (file: string) => JSON.parse(readFileSync(path.join(standards, file), "utf8"));
  // The schemas name draft 2020-12 by its http:// URL and carry 360Giving's own annotation
  // keywords; strictRequired is off because the grant schema lists required fields inside
  // oneOf branches. The package schema points at the 1.4.2 grant URL: register both.
  const withoutMeta = ({ $schema: _meta, ...schema }: Record<string, unknown>) => schema;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  ajv.addVocabulary(["codelist", "openCodelist", "rollUp"]);
  addFormats(ajv);
  const grant = withoutMeta(read("360-giving-schema.json"));
  ajv.addSchema(grant);
  ajv.addSchema({ ...grant, $id: GRANT_1_4_2 });
  return ajv.compile(withoutMeta(read("360-giving-package-schema.json")));
}
