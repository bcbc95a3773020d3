// The only personal data kept about a group: its contact's name, email and phone (or when they
// were erased), and the pseudonymous id the bid keeps after that.

interface ContactDetailsProps {
  contact: { name: string; email: string; phone: string | null; erasedAt: string | null } | null;
  pseudonymId: string;
}

export function ContactDetails({ contact, pseudonymId }: ContactDetailsProps) {
  return (
    <>
      <h2>Contact details</h2>
      {!contact ? (
        <p>This bid has no contact details.</p>
      ) : contact.erasedAt ? (
        <p>Erased on {contact.erasedAt}.</p>
      ) : (
        <dl className="summary">
          <div>
            <dt>Name</dt>
            <dd>{contact.name}</dd>
          </div>
          <div>
            <dt>Email address</dt>
            <dd className="break-anywhere">{contact.email}</dd>
          </div>
          <div>
            <dt>Phone</dt>
            <dd className={contact.phone ? undefined : "muted"}>{contact.phone ?? "Not given"}</dd>
          </div>
        </dl>
      )}
      <p className="hint pseudonym">
        Pseudonymous id: <code>{pseudonymId}</code>. It stays with the bid, its award and payments after the contact details are erased.
      </p>
    </>
  );
}
