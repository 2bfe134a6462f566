import { useId, type ComponentProps, type ReactNode } from "react";

const controlClass = (error?: string) =>
  `mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm outline-none focus:ring-2 focus:ring-brand-500 ${error ? "border-red-500" : "border-slate-300"}`;

/** The label, hint and error around one control; the error is announced and tied to it with aria-describedby. */
function LabelledControl({ label, error, hint, className, render }: { label: string; error?: string; hint?: ReactNode; className: string; render: (a11y: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode }) {
  const id = useId();
  const describedBy = [error ? `${id}-err` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      {render({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && !error && <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">{hint}</p>}
      {error && <p id={`${id}-err`} className="mt-1 text-sm text-red-700">{error}</p>}
    </div>
  );
}

export function Field({ label, error, hint, className = "", ...props }: ComponentProps<"input"> & { label: string; error?: string; hint?: ReactNode }) {
  return <LabelledControl label={label} error={error} hint={hint} className={className} render={(a11y) => <input {...a11y} className={controlClass(error)} {...props} />} />;
}

export function TextAreaField({ label, error, hint, className = "", ...props }: ComponentProps<"textarea"> & { label: string; error?: string; hint?: ReactNode }) {
  return <LabelledControl label={label} error={error} hint={hint} className={className} render={(a11y) => <textarea {...a11y} className={controlClass(error)} {...props} />} />;
}

export function SelectField({ label, error, children, className = "", ...props }: ComponentProps<"select"> & { label: string; error?: string }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        className={controlClass(error)}
        {...props}
      >
        {children}
      </select>
      {error && <p id={`${id}-err`} className="mt-1 text-sm text-red-700">{error}</p>}
    </div>
  );
}

// Kept importable from here; pages that show only an alert import it from ./alert, without the fields.
export { FormAlert } from "./alert";
