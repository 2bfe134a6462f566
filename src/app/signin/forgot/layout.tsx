import { TRPCReactProvider } from "~/trpc/react";

// This form calls the API; the provider lives here, not in the root layout, so static pages ship without it.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
