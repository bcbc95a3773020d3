import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportPhoto } from "~/coordinators/grant-photos.server";
import { translate } from "~/i18n/catalogue.server";
import { requestLang } from "~/i18n/language-cookie.server";
import { grantByToken } from "~/models/grant-report.server";
import { notFound } from "~/utils/http.server";

// A report photo, only through the group's own private link (staff have their own address).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const grant = params.token ? await grantByToken(params.token) : null;
  const photo = grant && params.photoId ? await reportPhoto(grant.id, params.photoId) : null;
  if (!photo) throw notFound(translate(await requestLang(request), "bid.report.photoNotFound"));
  return new Response(Buffer.from(photo.bytes), {
    headers: { "Content-Type": photo.contentType, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
  });
}
