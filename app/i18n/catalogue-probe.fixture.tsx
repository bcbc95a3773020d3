// A file the catalogue test scans to prove its scanner finds untranslated text: every string
// here is the kind a converted file must not hold. Nothing imports it.

export function Probe({ t }: { t: (key: string) => string }) {
  return (
    <form aria-label={t("vote.start.heading")}>
      <p>Vote now</p>
      <input title="Your code" />
      <img alt="QR code" src="/qr.svg" />
      <span> · </span>
    </form>
  );
}
