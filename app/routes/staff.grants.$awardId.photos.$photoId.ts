import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportPhoto } from "~/coordinators/grant-photos.server";
import { requirePermission } from "~/requests/auth.server";
import { notFound } from "~/utils/http.server";

// A report photo for staff who may read grants.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "grant:read");
  const photo = params.awardId && params.photoId ? await reportPhoto(params.awardId, params.photoId) : null;
  if (!photo) throw notFound("We could not find that photo.");
  return new Response(Buffer.from(photo.bytes), {
    headers: { "Content-Type": photo.contentType, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
  });
}
