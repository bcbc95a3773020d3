import pg from "pg";
import { StatementNames } from "~/db/statement-names.server";

/**
 * A pg client that sends a query only after the one before it has answered, and prepares each
 * parameterised statement once (app/db/statement-names.server.ts says why).
 *
 * why serial: Prisma's query interpreter sometimes calls query() on one client while an earlier
 * query of the same transaction is still running. pg queues such calls today but warns that pg 9
 * will refuse them; queueing here keeps the same order on the wire without relying on that.
 */
export class SerialClient extends pg.Client {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly statements = new StatementNames();

  // why `any`: pg's query() has a dozen overloads; this one only reorders promise-style calls.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const [config, values, callback] = args;
    const takesCallback = typeof values === "function" || typeof callback === "function";
    const submittable = config != null && typeof config.submit === "function";
    if (takesCallback || submittable) return super.query(config, values, callback);
    const named = this.named(config);
    const run = () => super.query(named, values) as Promise<unknown>;
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private named(config: any): any {
    const parameterised = config != null && typeof config.text === "string" && Array.isArray(config.values);
    if (!parameterised || config.name) return config;
    return { ...config, name: this.statements.nameFor(config.text) };
  }
}
