// The server's refusal of a score, beside the answers it refused. Once scoring has closed the
// panellist can dismiss it, and the pad shows again the answers that count.

export function RefusalNotice({ message, open, onDismiss }: { message: string; open: boolean; onDismiss: () => void }) {
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">Your score was not saved</p>
      <p>{message}</p>
      <p>Your answers are still here{open ? "" : " for you to tell the chair"}.</p>
      {open ? null : (
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
