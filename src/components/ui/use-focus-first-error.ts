import { useEffect, useRef } from "react";

/**
 * Moves focus to the first field in error whenever a form's errors change (from the client's check or the
 * server's answer), so a keyboard or screen-reader user lands on what to fix. Attach the ref to the form.
 */
export function useFocusFirstError(errors: Record<string, string>) {
  const ref = useRef<HTMLFormElement>(null);
  const signature = Object.entries(errors).map(([k, v]) => `${k}:${v}`).join("|");
  useEffect(() => {
    if (!signature) return;
    ref.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [signature]);
  return ref;
}
