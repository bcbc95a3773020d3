import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

// One calm page for every thrown Response (403, 404, 400...) and for unexpected errors.
// Unexpected errors were already logged on the server; the person gets no stack trace.
export function GeneralErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const message = typeof error.data === "string" && error.data ? error.data : null;
    if (error.status === 404) {
      return (
        <ErrorPage title="Page not found">
          <p>{message ?? "We could not find that page. Check the address, or start again from the home page."}</p>
        </ErrorPage>
      );
    }
    if (error.status === 403) {
      return (
        <ErrorPage title="You cannot do this">
          <p>{message ?? "Your account does not have permission for this page."}</p>
          <p>If you think you should, ask your Pitchday administrator.</p>
        </ErrorPage>
      );
    }
    return (
      <ErrorPage title={error.status < 500 ? "There is a problem with that request" : "Sorry, something went wrong"}>
        <p>{message ?? error.statusText}</p>
      </ErrorPage>
    );
  }
  return (
    <ErrorPage title="Sorry, something went wrong">
      <p>Nothing you saved has been lost. Try again in a moment; if it keeps happening, tell the organiser.</p>
    </ErrorPage>
  );
}

function ErrorPage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="error-page">
      <h1>{title}</h1>
      {children}
      <p>
        <Link to="/">Go to the Pitchday home page</Link>
      </p>
    </div>
  );
}
