import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "~/i18n/i18n-context";

// One calm page for every thrown Response (403, 404, 400...) and for unexpected errors, in the
// page's language. A thrown Response's own text is shown when it has one: the server writes it
// in the person's language (translate()). Unexpected errors were already logged on the server;
// the person gets no stack trace.
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(error)) {
    const message = typeof error.data === "string" && error.data ? error.data : null;
    if (error.status === 404) {
      return (
        <ErrorPage title={t("common.error.notFound.title")}>
          <p>{message ?? t("common.error.notFound.body")}</p>
        </ErrorPage>
      );
    }
    if (error.status === 403) {
      return (
        <ErrorPage title={t("common.error.forbidden.title")}>
          <p>{message ?? t("common.error.forbidden.body")}</p>
          <p>{t("common.error.forbidden.ask")}</p>
        </ErrorPage>
      );
    }
    const failed = error.status >= 500;
    return (
      <ErrorPage title={t(failed ? "common.error.failed.title" : "common.error.badRequest.title")}>
        <p>{message ?? t(failed ? "common.error.failed.body" : "common.error.badRequest.body")}</p>
      </ErrorPage>
    );
  }
  return (
    <ErrorPage title={t("common.error.failed.title")}>
      <p>{t("common.error.failed.body")}</p>
    </ErrorPage>
  );
}

function ErrorPage({ title, children }: { title: string; children: React.ReactNode }) {
  const t = useT();
  return (
    <div className="error-page">
      <h1>{title}</h1>
      {children}
      <p>
        <Link to="/">{t("common.error.home")}</Link>
      </p>
    </div>
  );
}
