import type { ActionFunctionArgs } from "@remix-run/node";
import { verifyWebhook } from "~/services/payments/stripe.server";
import { RetryLater, handleStripeEvent } from "~/coordinators/payments/webhooks.server";

// Stripe's webhook endpoint (POST /webhooks/stripe). 400 for a bad signature, or one more than
// 5 minutes old or ahead (a forged or replayed request); 200 once a signed event is processed,
// was already, or is set aside with a logged reason; 503 only when a retry could succeed (our
// database, or Stripe's API, unavailable). The raw body is verified as received.

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
  const checked = verifyWebhook(await request.text(), request.headers.get("Stripe-Signature"));
  if (!checked.ok) return new Response(checked.message, { status: checked.status });
  try {
    const result = await handleStripeEvent(checked.event);
    return Response.json({ received: true, ...result });
  } catch (error) {
    if (!(error instanceof RetryLater)) throw error;
    console.error(error.message);
    return new Response(error.publicMessage, { status: 503, headers: { "Retry-After": "60" } });
  }
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}
