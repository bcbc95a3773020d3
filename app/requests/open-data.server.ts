import { openDataFileName } from "~/domain/three-sixty-fund";
import { formatSortableDateTime } from "~/domain/zoned-time";
import type { OpenData } from "~/models/three-sixty.server";

// The 360Giving downloads of the fund and round pages: the same package as JSON or as
// 360Giving's spreadsheet columns, named after the fund and the day.

export function openDataResponse(data: OpenData, format: "json" | "csv", now: Date) {
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
