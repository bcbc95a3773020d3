import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportPhoto } from "~/coordinators/grant-photos.server";
import { grantByToken } from "~/models/grant-report.server";
import { notFound } from "~/utils/http.server";

// A report photo, only through the group's own private link (staff have their own address).
export async function loader({ params }: LoaderFunctionArgs) {
  const grant = params.token ? await grantByToken(params.token) : null;
  const photo = grant && params.photoId ? await reportPhoto(grant.id, params.photoId) : null;
  if (!photo) throw notFound("We could not find that photo.");
  return new Response(Buffer.from(photo.bytes), {
    headers: { "Content-Type": photo.contentType, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
  });
}
