// Checks that a payload or a stored row holds no secret value. Ids (cuids) and timestamps (".742Z") are
// random text that can contain a short number such as a credit score by chance, so they are left out of
// the text searched; a plain substring search over them once failed CI.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function shownText(x: unknown): string {
  return JSON.stringify(x, (k, v: unknown) => {
    if (k === "id" || k.endsWith("Id") || k === "at" || k.endsWith("At")) return undefined;
    if (typeof v === "string" && ISO_TIME.test(v)) return undefined;
    return v;
  });
}

/** A sealed value ("v1:<kid>:<iv>:<tag>:<ciphertext>") whose ciphertext is not the plaintext itself. */
export function sealedShape(sealed: string | null, plain: string | number) {
  if (sealed === null) return { format: false, clear: false };
  const parts = sealed.split(":");
  const ct = Buffer.from(parts[4] ?? "", "base64").toString("utf8");
  return { format: /^v1:[\w-]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/.test(sealed), clear: ct === String(plain) };
}
