"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { readState, writeState, type Spec, type StateOf } from "~/lib/url-state";

/**
 * A list page's state, read from and written to the URL (see lib/url-state). Changes replace the current
 * history entry: a filter is not a page to go back through, but back from a detail page returns to the
 * list as it was. history.replaceState (which Next's router observes) rather than router.replace: the
 * server components do not need refetching for a client-side filter.
 * `spec` must be a module-level constant (its identity keys the memo).
 */
export function useUrlState<S extends Spec>(spec: S): [StateOf<S>, (next: Partial<StateOf<S>>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const search = params?.toString() ?? "";
  const state = useMemo(() => readState(spec, new URLSearchParams(search)), [spec, search]);
  const set = useCallback(
    (next: Partial<StateOf<S>>) => {
      const query = writeState(spec, { ...state, ...next }, new URLSearchParams(search));
      // null, not history.state: Next copies its own entry state, and skips its URL sync for its own objects.
      window.history.replaceState(null, "", `${pathname}${query}${window.location.hash}`);
    },
    [spec, state, search, pathname],
  );
  return [state, set];
}
