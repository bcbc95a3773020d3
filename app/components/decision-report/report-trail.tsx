// What happened to one decision, award or payment, in the order it happened.

export function ReportTrail({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul className="report-trail">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
