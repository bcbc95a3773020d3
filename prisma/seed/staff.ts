import { createUser } from "~/models/user.server";
import type { Role } from "~/domain/permissions";

export const DEMO_PASSWORD = "pitchday-demo-2026";

const PEOPLE: { key: string; email: string; name: string; roles: Role[] }[] = [
  { key: "admin", email: "admin@pitchday.test", name: "Ada Admin", roles: ["ADMIN"] },
  { key: "organiser", email: "organiser@pitchday.test", name: "Olu Organiser", roles: ["ORGANISER"] },
  { key: "funder", email: "funder@pitchday.test", name: "Fran Funder", roles: ["FUNDER"] },
  { key: "funder2", email: "funder2@pitchday.test", name: "Frank Second-Funder", roles: ["FUNDER"] },
  { key: "auditor", email: "auditor@pitchday.test", name: "Aud Auditor", roles: ["AUDITOR"] },
];

export type Staff = Awaited<ReturnType<typeof seedStaff>>;

export async function seedStaff() {
  const all = [];
  const byKey: Record<string, { id: string; email: string; roles: Role[] }> = {};
  for (const person of PEOPLE) {
    const user = await createUser(
      { email: person.email, name: person.name, password: DEMO_PASSWORD, roles: person.roles },
      { actor: { type: "system" }, via: "seed" },
    );
    const entry = { id: user.id, email: user.email, roles: person.roles };
    all.push(entry);
    byKey[person.key] = entry;
  }
  return { all, byKey };
}
