// Reset tokens: 32 random bytes shown once (in the emailed link); only their SHA-256 is stored, so a
// database reader cannot use one. Pure helpers, shared by the two use-cases.
import { createHash, randomBytes } from "node:crypto";

export const RESET_TOKEN_TTL_MINUTES = 60;

export const newResetToken = () => randomBytes(32).toString("base64url");
export const hashResetToken = (token: string) => createHash("sha256").update(token, "utf8").digest("base64url");
/** The shape newResetToken makes; anything else is refused before a database read. */
export const looksLikeResetToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
