// Errors in the JSON shape Stripe's API returns, so the official SDK turns them into its own
// typed errors (StripeInvalidRequestError, StripeAuthenticationError, StripeIdempotencyError...).
// Messages follow Stripe's wording so logs read the same against the fake and the real API.

export interface StripeErrorBody {
  type: "invalid_request_error" | "api_error" | "idempotency_error" | "card_error" | "rate_limit_error";
  message: string;
  code?: string;
  param?: string;
  doc_url?: string;
}

export class FakeStripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    /**
     * Stripe saves an idempotent result only once the endpoint has started executing: a
     * request refused while its parameters were checked can be retried with the same key.
     */
    readonly executed = false,
  ) {
    super(body.message);
  }
}

const doc = (code: string) => `https://stripe.com/docs/error-codes/${code.replace(/_/g, "-")}`;

export function parameterMissing(param: string) {
  return new FakeStripeError(400, {
    type: "invalid_request_error",
    code: "parameter_missing",
    param,
    message: `Missing required param: ${param}.`,
    doc_url: doc("parameter_missing"),
  });
}

export function parameterUnknown(param: string) {
  return new FakeStripeError(400, {
    type: "invalid_request_error",
    code: "parameter_unknown",
    param,
    message: `Received unknown parameter: ${param}`,
    doc_url: doc("parameter_unknown"),
  });
}

export function parameterInvalidInteger(param: string, value: string) {
  return new FakeStripeError(400, {
    type: "invalid_request_error",
    code: "parameter_invalid_integer",
    param,
    message: `Invalid integer: ${value}`,
    doc_url: doc("parameter_invalid_integer"),
  });
}

export function parameterInvalid(param: string, message: string) {
  return new FakeStripeError(400, { type: "invalid_request_error", param, message });
}

export function resourceMissing(what: string, id: string, param = "id") {
  return new FakeStripeError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    param,
    message: `No such ${what}: '${id}'`,
    doc_url: doc("resource_missing"),
  });
}

export function balanceInsufficient() {
  return new FakeStripeError(
    400,
    {
      type: "invalid_request_error",
      code: "balance_insufficient",
      message:
        "You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance",
      doc_url: doc("balance_insufficient"),
    },
    true,
  );
}

export function insufficientCapabilitiesForTransfer() {
  return new FakeStripeError(
    400,
    {
      type: "invalid_request_error",
      code: "insufficient_capabilities_for_transfer",
      param: "destination",
      message:
        "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
      doc_url: doc("insufficient_capabilities_for_transfer"),
    },
    true,
  );
}

export function idempotencyParametersDiffer(key: string) {
  return new FakeStripeError(400, {
    type: "idempotency_error",
    message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  });
}

export function idempotencyEndpointDiffers(key: string, first: string, now: string) {
  return new FakeStripeError(400, {
    type: "idempotency_error",
    message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${first}' vs '${now}'). Try using a key other than '${key}' if you meant to execute a different request.`,
  });
}

// Stripe answers a missing or wrong key with 401 and type invalid_request_error; the SDK
// raises StripeAuthenticationError for any 401.
export function noApiKey() {
  return new FakeStripeError(401, {
    type: "invalid_request_error",
    message:
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
  });
}

export function invalidApiKey(key: string) {
  const masked = key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}` : "*".repeat(key.length);
  return new FakeStripeError(401, { type: "invalid_request_error", message: `Invalid API Key provided: ${masked}` });
}

export function unrecognizedUrl(method: string, path: string) {
  return new FakeStripeError(404, {
    type: "invalid_request_error",
    message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  });
}

export function injectedServerError(status: number) {
  return new FakeStripeError(status, {
    type: "api_error",
    message: "An unknown error occurred (injected by the Stripe fake for a retry test).",
  });
}
