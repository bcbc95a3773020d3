// The official 360Giving package validator for tests of what Pitchday exports: the same one the
// export script and the download routes run (app/standards/360giving/validate.ts).
export { threeSixtyPackageValidator } from "~/standards/360giving/validate";
