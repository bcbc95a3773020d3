import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { AuditEntries } from "~/components/audit/audit-entries";
import { AuditFilters } from "~/components/audit/audit-filters";
import { ChainState } from "~/components/audit/chain-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { parseAuditFilter } from "~/domain/audit-filter";
import { auditLogPageView } from "~/domain/audit-log-page";
import { can, type Permission } from "~/domain/permissions";
import { auditFilterOptions, listAuditLog, logCurrency } from "~/models/audit-log.server";
import { verifyLogState } from "~/models/checkpoint.server";
import { requirePermission } from "~/requests/auth.server";

export const meta: MetaFunction = () => [{ title: "Audit log – Pitchday" }];

// why one zone: the log spans every fund; Pitchday's funds are run on UK time.
const TIME_ZONE = "Europe/London";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "audit:read");
  const parsed = parseAuditFilter(new URL(request.url).searchParams, TIME_ZONE);
  const [state, options, currency, page] = await Promise.all([
    verifyLogState(),
    auditFilterOptions(),
    logCurrency(),
    parsed.ok ? listAuditLog(parsed.filter) : null,
  ]);
  const allowed = (permission: Permission) => can(user, permission);
  return {
    ...auditLogPageView({ state, options, currency, page }, { allowed, now: new Date(), timeZone: TIME_ZONE }),
    canCheckpoint: can(user, "audit:checkpoint"),
    values: parsed.values,
    errors: parsed.ok ? {} : parsed.errors,
  };
}

export default function AuditLog() {
  const data = useLoaderData<typeof loader>();
  const { values, page } = data;
  const checking = useNavigation().state === "loading";
  const filtered = Object.values(values).some(Boolean);

  return (
    <>
      <h1>Audit log</h1>
      <p className="lead">
        Everything that changed in Pitchday, who changed it and when. Each entry is sealed to the one before it, so a change made afterwards
        shows up below as a break.
      </p>
      <p>
        <Link to="/audit/events">Decision reports, event by event</Link>
      </p>
      <ChainState
        chain={data.chain}
        latest={data.latest}
        checkedAt={data.checkedAt}
        checking={checking}
        values={values}
        pageNumber={page?.number ?? null}
        canCheckpoint={data.canCheckpoint}
      />
      <AuditFilters values={values} errors={data.errors} options={data.options} filtered={filtered} />
      <AuditEntries page={page} entries={data.entries} values={values} filtered={filtered} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
