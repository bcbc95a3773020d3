import { canReadDecisionReport } from "~/domain/decision-report";
import { requireUser } from "~/requests/auth.server";

// Decision reports are read by auditors and administrators (audit:read) and by funders, whose
// decisions they record. Organisers run the event but are not its auditors.

export async function requireReportReader(request: Request) {
  const user = await requireUser(request);
  if (!canReadDecisionReport(user)) {
    throw new Response("Decision reports are for auditors, administrators and funders. Your account has none of those roles.", {
      status: 403,
      statusText: "Forbidden",
    });
  }
  return user;
}
