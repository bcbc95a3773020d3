import * as z from "zod";

// Read and checked once; every other module asks here instead of reading process.env.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  APP_URL: z.string().url().default("http://localhost:3000"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().default("data/pglite"),
  // Uploaded files (report photos) on disk, when no object storage is configured.
  DATA_DIR: z.string().default("data"),
  // How often the reminder job looks for reminders to send.
  REMINDER_INTERVAL_SECONDS: z.coerce.number().int().positive().default(60),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Pitchday <no-reply@pitchday.local>"),
  // Shows the outbox page with every sent message (development and tests only).
  MAIL_OUTBOX_PAGE: z
    .enum(["on", "off"])
    .optional(),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_API_BASE: z.string().url().optional(),
  TRUST_PROXY: z.enum(["on", "off"]).default("off"),
  // 32 random bytes, base64 (`openssl rand -base64 32`): encrypts groups' bank details.
  BANK_DETAILS_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "BANK_DETAILS_KEY must be 32 bytes in base64 (openssl rand -base64 32)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment:\n${lines.join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function isProduction() {
  return env().NODE_ENV === "production";
}

export function outboxPageEnabled() {
  const e = env();
  return e.MAIL_OUTBOX_PAGE ? e.MAIL_OUTBOX_PAGE === "on" : e.NODE_ENV !== "production";
}

export function databaseEngine(): "pglite" | "postgresql" {
  return env().DATABASE_URL ? "postgresql" : "pglite";
}
