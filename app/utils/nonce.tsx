import { createContext, useContext } from "react";

// The per-response CSP nonce, so inline scripts Remix renders are allowed to run.
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
