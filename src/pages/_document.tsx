import { Head, Html, Main, NextScript } from "next/document";

// Only for the home page (see src/pages/index.tsx): the language the App Router's layout also sets.
export default function Document() {
  return (
    <Html lang="en">
      <Head />
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
