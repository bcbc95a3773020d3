import { openDataFileName } from "~/domain/three-sixty-fund";
import { formatSortableDateTime } from "~/domain/zoned-time";
import type { OpenData } from "~/models/three-sixty.server";

// The 360Giving downloads of the fund and round pages: the same package as JSON or as
// 360Giving's spreadsheet columns, named after the fund and the day.

export function openDataResponse(data: OpenData, format: "json" | "csv", now: Date) {
  // why: 360Giving has no empty file (a package holds at least one grant): say so, not a fault.
  if (data.grants === 0) {
    return new Response("There is nothing to publish yet: no grant has been awarded here, so there is no 360Giving file.\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store, private" },
    });
  }
  // why refuse rather than send: a file that fails the official schema is rejected by GrantNav,
  // and someone would only find out after publishing it.
  if (data.problems.length > 0) {
    const lines = [
      `We did not make this 360Giving file: it would not pass the official 360Giving schema. Correct these and try again:`,
      ...data.problems.map((p) => `- ${p}`),
    ];
    return new Response(`${lines.join("\n")}\n`, {
      status: 500,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store, private" },
    });
  }
  const day = formatSortableDateTime(now, data.timeZone).slice(0, 10);
  const filename = openDataFileName(data.name, day, format);
  const body = format === "json" ? `${JSON.stringify(data.package, null, 2)}\n` : `\uFEFF${data.csv}`;
  return new Response(body, {
    headers: {
      "Content-Type": format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // why: it is what staff see now (awards change); open data, but not for shared caches to keep.
      "Cache-Control": "no-store, private",
    },
  });
}
