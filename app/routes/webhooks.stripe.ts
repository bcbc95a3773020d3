import type { ActionFunctionArgs } from "@remix-run/node";
import { verifyWebhook } from "~/services/payments/stripe.server";
import { handleStripeEvent } from "~/services/payments/webhooks.server";

// Stripe's webhook endpoint (POST /webhooks/stripe). 400 for a bad or stale signature (a
// forged or replayed request), 200 once an event is processed or was already, 500 when its
// effect could not be saved (Stripe retries later). The raw body is verified as received.

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
  const checked = verifyWebhook(await request.text(), request.headers.get("Stripe-Signature"));
  if (!checked.ok) return new Response(checked.message, { status: checked.status });
  try {
    const result = await handleStripeEvent(checked.event);
    return Response.json({ received: true, ...result });
  } catch (error) {
    console.error(`Stripe event ${checked.event.id} (${checked.event.type}) could not be processed:`, error);
    return new Response("The event could not be processed; Stripe will retry it.", { status: 500 });
  }
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}
