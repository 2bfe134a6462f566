// The Pages Router serves only the home page (see src/pages/index.tsx); every other page is in src/app.
import type { AppProps } from "next/app";
import "~/app/globals.css";

export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
