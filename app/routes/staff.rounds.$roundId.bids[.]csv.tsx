import type { LoaderFunctionArgs } from "@remix-run/node";
import { GROUP_TYPE_LABELS, type GroupType } from "~/domain/bid";
import { bidListQuerySchema, STATUS_LABELS } from "~/domain/bid-review";
import { poundsCell, toCsv, type CsvCell } from "~/domain/csv";
import { can } from "~/domain/permissions";
import { formatSortableDateTime } from "~/domain/zoned-time";
import { exportRoundBids } from "~/models/bid-list.server";
import { requirePermission } from "~/requests/auth.server";
import { notFound } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

// The round's bids as a spreadsheet. Organisers get the contact details (personal data, so
// the file is never cached); funders and auditors get the same file without them.

function calendarDate(value: Date | null) {
  return value ? value.toISOString().slice(0, 10) : "";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "bid:export");
  const withContacts = can(user, "fund:manage");
  const query = bidListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await exportRoundBids(routeParam(params, "roundId"), query, { withContacts }, { type: "user", id: user.id });
  if (!result) throw notFound("There is no round at this address. It may have been typed wrongly.");
  const { round, bids } = result;
  const { currency, timeZone } = round.fund;

  const header = [
    "Reference",
    "Status",
    "Group name",
    "Type of group",
    "Charity number",
    "Company number",
    "Applying through",
    "Area",
    "Project title",
    `Amount requested (${currency})`,
    "Start date",
    "End date",
    `Sent at (${timeZone})`,
    // why: a spreadsheet cannot mark words with their language, so it says which the group wrote in.
    "Written in",
    ...(withContacts ? ["Contact name", "Contact email", "Contact phone"] : []),
  ];
  const rows: CsvCell[][] = bids.map((bid) => {
    const contact = "contact" in bid ? bid.contact : null;
    const erased = Boolean(contact?.erasedAt);
    return [
      bid.reference,
      STATUS_LABELS[bid.status],
      bid.groupName,
      bid.groupType ? GROUP_TYPE_LABELS[bid.groupType as GroupType] : "",
      bid.charityNumber,
      bid.companyNumber,
      bid.parentOrgName,
      bid.area,
      bid.projectTitle,
      poundsCell(bid.amountRequestedPence),
      calendarDate(bid.startDate),
      calendarDate(bid.endDate),
      bid.submittedAt ? formatSortableDateTime(bid.submittedAt, timeZone) : "",
      bid.language === "cy" ? "Welsh" : "English",
      ...(withContacts ? (erased ? ["(erased)", "", ""] : [contact?.name, contact?.email, contact?.phone]) : []),
    ];
  });

  const today = formatSortableDateTime(new Date(), timeZone).slice(0, 10);
  const filename = `${round.slug}-bids${query.status === "all" ? "" : `-${query.status}`}-${today}.csv`;
  // why the byte-order mark: Excel reads the file as UTF-8 only with it (names like "Café").
  return new Response(`\uFEFF${toCsv(header, rows)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store, private",
    },
  });
}
