import { threeSixtyProblems } from "~/standards/360giving/validate";

// The run-time check the export script and download routes make, on hand-written packages.

const grant = {
  id: "360G-pitchday-PD-2026-0001",
  title: "Community garden",
  description: "Raised beds for the estate.",
  currency: "GBP",
  amountAwarded: 1200,
  awardDate: "2026-06-01",
  recipientOrganization: [{ id: "GB-CHC-1123456", name: "Friends of the Park" }],
  fundingOrganization: [{ id: "GB-GOR-PC000001", name: "Thornbury Town Council" }],
};
const pkg = {
  grants: [grant],
  publisher: { name: "Thornbury Town Council", identifier: "GB-GOR-PC000001" },
  dataDate: "2026-06-02T00:00:00Z",
};

describe("threeSixtyProblems", () => {
  it("finds nothing wrong with a valid package", () => {
    expect(threeSixtyProblems(pkg)).toEqual([]);
  });

  it("names the grant, the field and the value for each problem", () => {
    const problems = threeSixtyProblems({
      ...pkg,
      grants: [grant, { ...grant, id: "360G-pitchday-PD-2026-0002", currency: "ZZZ", awardDate: "1 June" }],
    });
    expect(problems[0]).toBe('Grant 360G-pitchday-PD-2026-0002, currency: is not a code the standard allows (it is "ZZZ").');
    // awardDate may be a date or a date-time: each way it fails is named.
    expect(problems.slice(1)).toContain(
      'Grant 360G-pitchday-PD-2026-0002, awardDate: does not match the pattern ^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$ (it is "1 June").',
    );
    expect(problems.every((p) => p.startsWith("Grant 360G-pitchday-PD-2026-0002,"))).toBe(true);
  });

  it("says when a grant misses a required field", () => {
    const { recipientOrganization: _gone, ...orphan } = grant;
    expect(threeSixtyProblems({ ...pkg, grants: [orphan] }).join("\n")).toContain("Grant 360G-pitchday-PD-2026-0001: must have required property");
  });
});
