import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CheckAgainstCheckpoint, type CheckpointVerdict } from "~/components/audit/check-against-checkpoint";
import { CheckpointList } from "~/components/audit/checkpoint-list";
import { TakeCheckpoint } from "~/components/audit/take-checkpoint";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CHECKPOINT_TEXT_MAX, describeVerdict, newCheckpointSchema, shortHash } from "~/domain/checkpoint";
import { can } from "~/domain/permissions";
import { formatDateTime } from "~/domain/zoned-time";
import { createCheckpoint, listCheckpoints, verifyAgainstFile } from "~/models/checkpoint.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Audit checkpoints – Pitchday" }];

const TIME_ZONE = "Europe/London";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "audit:read");
  const checkpoints = await listCheckpoints();
  const created = new URL(request.url).searchParams.get("created");
  return {
    canCreate: can(user, "audit:checkpoint"),
    created: checkpoints.find((c) => c.id === created) ? created : null,
    checkpoints: checkpoints.map((c) => ({
      id: c.id,
      seq: c.seq,
      hash: shortHash(c.hash),
      at: formatDateTime(c.createdAt, TIME_ZONE),
      note: c.note,
      takenBy: c.takenBy ?? "Unknown",
    })),
  };
}

type ActionData =
  | { form: "create"; errors: Record<string, string>; values: Record<string, string | string[]>; problem?: string }
  | { form: "verify"; errors: Record<string, string>; values: { checkpoint: string } }
  | { form: "verify"; verdict: CheckpointVerdict; errors?: undefined; values: { checkpoint: string } };

// why a limit: a checkpoint file is a few hundred bytes; anything far bigger is not one.
const UPLOAD_MAX = 64 * 1024;

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const upload = form.get("file");
  if (upload instanceof File && upload.size > UPLOAD_MAX) {
    await requirePermission(request, "audit:read");
    return data<ActionData>(
      { form: "verify", errors: { file: "The file is too big to be a Pitchday checkpoint. Choose the .json file you downloaded." }, values: { checkpoint: "" } },
      { status: 400 },
    );
  }
  if (form.get("intent") === "create") {
    const user = await requirePermission(request, "audit:checkpoint");
    const submission = parseForm(newCheckpointSchema, form);
    if (!submission.ok) return data<ActionData>({ form: "create", errors: submission.errors, values: submission.values }, { status: 400 });
    const result = await createCheckpoint({ note: submission.data.note, via: "web" }, { type: "user", id: user.id });
    if (!result.ok) return data<ActionData>({ form: "create", errors: {}, values: submission.values, problem: result.error }, { status: 409 });
    return redirect(`/audit/checkpoints?created=${result.checkpoint.id}`);
  }

  // Checking against a kept checkpoint reads the log and changes nothing, so any auditor may.
  await requirePermission(request, "audit:read");
  const file = form.get("file");
  const pasted = String(form.get("checkpoint") ?? "");
  const uploaded = file instanceof File && file.size > 0 ? await file.text() : null;
  const values = { checkpoint: pasted.slice(0, CHECKPOINT_TEXT_MAX) };
  if (uploaded === null && !pasted.trim()) {
    return data<ActionData>({ form: "verify", errors: { checkpoint: "Paste the checkpoint, or choose its file." }, values }, { status: 400 });
  }
  if (uploaded === null && pasted.length > CHECKPOINT_TEXT_MAX) {
    return data<ActionData>({ form: "verify", errors: { checkpoint: "This is too long to be a Pitchday checkpoint. Paste only the checkpoint file." }, values }, { status: 400 });
  }
  const checked = await verifyAgainstFile(uploaded ?? pasted);
  if (!checked.ok) {
    return data<ActionData>({ form: "verify", errors: { [uploaded !== null ? "file" : "checkpoint"]: checked.error }, values }, { status: 400 });
  }
  return data<ActionData>({
    form: "verify",
    values,
    verdict: {
      ok: checked.verdict.ok,
      text: describeVerdict(checked.verdict),
      seq: checked.file.seq,
      at: formatDateTime(new Date(checked.file.at), TIME_ZONE),
      funder: checked.file.funder ?? null,
      note: checked.file.note,
    },
  });
}

export default function Checkpoints() {
  const { checkpoints, canCreate, created } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const createErrors = result?.form === "create" ? result.errors : {};
  const verifyErrors = result?.form === "verify" && result.errors ? result.errors : {};
  const verdict = result?.form === "verify" && "verdict" in result ? result.verdict : null;
  const newest = checkpoints.find((c) => c.id === created);

  return (
    <>
      <p>
        <Link to="/audit">Back to the audit log</Link>
      </p>
      <h1>Audit checkpoints</h1>
      <p className="lead">
        A checkpoint writes down the newest entry of the audit log and its seal. Give the file to someone outside Pitchday, such as your
        finance team or a trustee. Later, anyone can check it against the log: if the log only grew, nothing before the checkpoint was
        changed, removed or rewritten.
      </p>

      {newest ? (
        <div className="notice notice--success" role="status">
          <p className="notice__title">Checkpoint taken at entry #{newest.seq}</p>
          <p>
            <a href={`/audit/checkpoints/${newest.id}.json`} download>
              Download checkpoint #{newest.seq}
            </a>{" "}
            and keep it somewhere outside Pitchday.
          </p>
        </div>
      ) : null}

      {canCreate ? (
        <TakeCheckpoint
          problem={result?.form === "create" ? result.problem : undefined}
          errors={createErrors}
          note={result?.form === "create" ? String(result.values.note ?? "") : ""}
          busy={busy}
        />
      ) : null}

      <CheckpointList checkpoints={checkpoints} />

      <CheckAgainstCheckpoint verdict={verdict} errors={verifyErrors} pasted={result?.form === "verify" ? result.values.checkpoint : ""} busy={busy} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
