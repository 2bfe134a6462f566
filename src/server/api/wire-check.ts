// Compile-time proof that every procedure's input and output fits the wire (src/lib/wire.ts): JSON and
// Dates only. A Map, Set, bigint, RegExp or function anywhere in them fails `npm run typecheck` here,
// instead of failing at run time in the browser.
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

type Unsupported = Map<unknown, unknown> | Set<unknown> | bigint | symbol | RegExp | ((...args: never[]) => unknown);
type Deeper<D extends unknown[]> = [...D, 0];
/** true (or boolean) when T holds a type the wire cannot carry; false when it is all JSON and Dates. */
type Holds<T, D extends unknown[] = []> = D["length"] extends 14
  ? false
  : T extends Date
    ? false
    : T extends AsyncIterable<infer V> // a subscription: each event it yields goes over the wire
      ? Holds<V, Deeper<D>>
      : T extends Unsupported
        ? true
        : T extends readonly (infer U)[]
          ? Holds<U, Deeper<D>>
          : T extends object
            ? { [K in keyof T]-?: Holds<T[K], Deeper<D>> }[keyof T]
            : false;
type WireSafe<T> = [Holds<T>] extends [false] ? true : never;

export const outputsFitTheWire: WireSafe<inferRouterOutputs<AppRouter>> = true;
export const inputsFitTheWire: WireSafe<inferRouterInputs<AppRouter>> = true;

// The check itself can fail: these would not compile if it let a Map or a nested Set through.
export const caughtMap: [Holds<{ a: { b: Map<string, number> } }>] extends [false] ? never : true = true;
export const caughtSet: [Holds<{ rows: { tags: Set<string> }[] }>] extends [false] ? never : true = true;
export const caughtInEvents: [Holds<AsyncIterable<{ at: bigint }>>] extends [false] ? never : true = true;
export const passesDates: WireSafe<{ at: Date; rows: { n: number; s: string | null }[] }> = true;
