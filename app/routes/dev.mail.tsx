import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TextField } from "~/components/forms";
import { listMail } from "~/models/mail.server";
import { outboxPageEnabled } from "~/utils/env.server";

// The development outbox: every email the app has queued, newest first, so a developer (or an
// end-to-end test) can follow the links a group would get. Off in production unless
// MAIL_OUTBOX_PAGE=on.

export const meta: MetaFunction = () => [{ title: "Outbox (development) – Pitchday" }, { name: "robots", content: "noindex, nofollow" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (!outboxPageEnabled()) throw new Response("We could not find that page.", { status: 404 });
  const to = new URL(request.url).searchParams.get("to")?.trim().slice(0, 254) || null;
  const messages = await listMail({ to, limit: 100 });
  return {
    to,
    messages: messages.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      text: m.text,
      queued: m.createdAt.toISOString(),
      sent: m.sentAt?.toISOString() ?? null,
      attempts: m.attempts,
      lastError: m.lastError,
    })),
  };
}

const URL_IN_TEXT = /(https?:\/\/[^\s<>"]+)/g;

/** The body as text, with every web address a link. */
function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_IN_TEXT).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export default function DevMail() {
  const { to, messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Outbox</h1>
      <p className="lead">
        Every email Pitchday has sent or queued, newest first. This page is for development and testing; it is off in
        production.
      </p>
      <Form method="get" className="filters">
        <TextField name="to" type="email" label="Sent to" defaultValue={to ?? ""} spellCheck={false} />
        <button type="submit" className="button button--secondary">
          Filter
        </button>
      </Form>
      {messages.length === 0 ? (
        <p>{to ? `No messages to ${to}.` : "No messages yet."}</p>
      ) : (
        messages.map((m) => (
          <article className="mail" key={m.id} aria-labelledby={`mail-${m.id}`}>
            <h2 id={`mail-${m.id}`}>{m.subject}</h2>
            <dl className="summary">
              <div>
                <dt>To</dt>
                <dd>{m.to}</dd>
              </div>
              <div>
                <dt>Subject</dt>
                <dd>{m.subject}</dd>
              </div>
              <div>
                <dt>Queued</dt>
                <dd>{m.queued}</dd>
              </div>
              <div>
                <dt>Sent</dt>
                <dd>
                  {m.sent ?? "Not sent (no SMTP server, or waiting)"}
                  {m.lastError ? ` – last error after ${m.attempts} attempt(s): ${m.lastError}` : null}
                </dd>
              </div>
            </dl>
            <pre className="mail__body">
              <Linkified text={m.text} />
            </pre>
          </article>
        ))
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
