import { Link } from "@remix-run/react";

export default function Home() {
  return (
    <>
      <h1>Small grants, decided live</h1>
      <p className="lead">
        Local groups ask for a small sum with a one-page bid, pitch it in person, and hear the decision on
        the day. Every score, decision and payment is recorded so anyone can see how the money was decided.
      </p>
      <p>
        <Link to="/rounds" className="button">
          Find a funding round and apply
        </Link>
      </p>
      <p>
        <Link to="/results">See which projects were funded at past pitch events</Link>
      </p>
      <h2>Already applied?</h2>
      <p>Use the private link we emailed you to check, change or withdraw your bid.</p>
      <h2>Organisers, funders and auditors</h2>
      <p>
        <Link to="/login">Sign in to your staff account</Link>.
      </p>
    </>
  );
}
