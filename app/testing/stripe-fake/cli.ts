import { parseArgs } from "node:util";
import { startStripeFake } from "./index";

// Runs the Stripe fake on its own for manual runs and end-to-end tests:
//   npx tsx app/testing/stripe-fake/cli.ts --port 12111 --balance 500000 \
//     --webhook-url http://127.0.0.1:3000/webhooks/stripe --webhook-secret whsec_...
// Point the app at it with STRIPE_SECRET_KEY=<printed key> and the printed host and port.

const usage = `Usage: tsx app/testing/stripe-fake/cli.ts [options]
  --port <n>             port to listen on (default 12111; 0 picks a free one)
  --host <host>          address to listen on (default 127.0.0.1)
  --balance <pence>      available platform balance (default 1000000)
  --currency <code>      balance currency (default gbp)
  --secret-key <key>     API secret key the app must send
  --webhook-url <url>    where to send signed events
  --webhook-secret <s>   signing secret for webhooks
  --help                 show this`;

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "12111" },
      host: { type: "string", default: "127.0.0.1" },
      balance: { type: "string", default: "1000000" },
      currency: { type: "string", default: "gbp" },
      "secret-key": { type: "string" },
      "webhook-url": { type: "string" },
      "webhook-secret": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  const balance = Number(values.balance);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port: ${values.port}`);
  if (!Number.isSafeInteger(balance) || balance < 0) throw new Error(`Not a balance in pence: ${values.balance}`);

  const fake = await startStripeFake({
    port,
    host: values.host,
    balance,
    currency: values.currency,
    secretKey: values["secret-key"],
    webhookUrl: values["webhook-url"] ?? null,
    webhookSecret: values["webhook-secret"],
  });
  console.log(`Stripe fake listening on ${fake.url}`);
  console.log(`  secret key:     ${fake.secretKey}`);
  console.log(`  webhook secret: ${fake.webhookSecret}`);
  console.log(`  webhooks to:    ${values["webhook-url"] ?? "(none; POST /_fake/webhook {\"url\"} to set)"}`);
  console.log(`  control:        GET ${fake.url}/_fake/state, POST /_fake/balance, /_fake/fail-next,`);
  console.log(`                  /_fake/accounts/<id>/complete-onboarding, /_fake/events/<id>/deliver`);

  const shutdown = async () => {
    await fake.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(usage);
  process.exit(1);
});
