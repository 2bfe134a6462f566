import Link from "next/link";
import type { ComponentProps } from "react";

const variants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/50",
  secondary: "bg-white text-ink ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-60",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:opacity-60",
  ghost: "text-slate-700 hover:bg-slate-100",
} as const;

type Variant = keyof typeof variants;
const base = "inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed";

export function Button({ variant = "primary", className = "", pending, children, ...props }: ComponentProps<"button"> & { variant?: Variant; pending?: boolean }) {
  return (
    <button className={`${base} ${variants[variant]} ${className}`} disabled={pending || props.disabled} aria-busy={pending || undefined} {...props}>
      {pending && <span className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />}
      {children}
    </button>
  );
}

export function ButtonLink({ variant = "primary", className = "", ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={`${base} ${variants[variant]} ${className}`} {...props} />;
}
