import { createHmac } from "node:crypto";

// Webhook deliveries signed exactly as Stripe signs them: the Stripe-Signature header carries
// the time and an HMAC-SHA256 of `${t}.${payload}` keyed with the endpoint's signing secret,
// so the app's stripe.webhooks.constructEvent accepts them and rejects anything altered.

export function stripeSignature(payload: string, secret: string, timestampSeconds: number): string {
  const v1 = createHmac("sha256", secret).update(`${timestampSeconds}.${payload}`, "utf8").digest("hex");
  return `t=${timestampSeconds},v1=${v1}`;
}

/** Stripe sends events pretty-printed, two spaces. */
export function webhookPayload(event: object): string {
  return JSON.stringify(event, null, 2);
}

export interface DeliveryOptions {
  /** Where to send it (defaults to the fake's configured webhook URL). */
  url?: string;
  /** Sign with this secret instead (e.g. a wrong one). */
  secret?: string;
  /** Signature time in seconds (defaults to now): set it in the past to test tolerance. */
  timestamp?: number;
  /** Change the body after signing: a tampered delivery the app must refuse. */
  tamper?: (payload: string) => string;
}

export interface WebhookDelivery {
  eventId: string;
  eventType: string;
  url: string;
  /** HTTP status from the endpoint, or null when it could not be reached. */
  status: number | null;
  ok: boolean;
  responseBody: string;
  error: string | null;
  signature: string;
  at: number;
}

export async function postWebhook(
  event: { id: string; type: string },
  options: { url: string; secret: string; timestamp: number; tamper?: (payload: string) => string; now: number },
): Promise<WebhookDelivery> {
  const signed = webhookPayload(event);
  const signature = stripeSignature(signed, options.secret, options.timestamp);
  const body = options.tamper ? options.tamper(signed) : signed;
  const base = { eventId: event.id, eventType: event.type, url: options.url, signature, at: options.now };
  try {
    const response = await fetch(options.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Stripe-Signature": signature,
        "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        "Cache-Control": "no-cache",
        Accept: "*/*; q=0.5, application/xml",
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    const responseBody = await response.text();
    return { ...base, status: response.status, ok: response.status >= 200 && response.status < 300, responseBody, error: null };
  } catch (error) {
    return { ...base, status: null, ok: false, responseBody: "", error: error instanceof Error ? error.message : String(error) };
  }
}
