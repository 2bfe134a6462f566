// The home page is the one page served by the Pages Router, for one reason: it has nothing interactive
// (its buttons are links), and the Pages Router can send such a page with no JavaScript at all
// (`unstable_runtimeJS: false`). Under the App Router every page hydrates, and Next 16's floor is
// ~128 KB gzipped (react-dom, the router, the Flight client) before a line of ours: a first visit
// would download and run all of that to make eight links clickable. Issue 13 set ≤ 120 KB here.
import type { GetServerSideProps } from "next";
import Head from "next/head";
import { getToken } from "next-auth/jwt";
import { GeistSans } from "geist/font/sans";
import { Landing } from "~/components/landing/landing";
import { SiteFooter } from "~/components/site-footer";
import { env } from "~/env.js";
import { actorFromToken, homeFor } from "~/server/auth/actor";

export const config = { unstable_runtimeJS: false };

type Props = { dashboardHref: string | null };

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res }) => {
  const actor = await actorFromToken(await getToken({ req, secret: env.NEXTAUTH_SECRET }));
  // Who is signed in decides the header, so no shared cache may keep one visitor's page for another.
  res.setHeader("cache-control", "private, no-store");
  return { props: { dashboardHref: actor ? homeFor[actor.role] : null } };
};

export default function Home({ dashboardHref }: Props) {
  return (
    <>
      <Head>
        <title>Keyturn — dealers compete for your car</title>
        <meta name="description" content="Post what car you want and on what terms. Local dealers quote, lenders pre-approve, you compare and choose. Your data moves only with your key." />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.ico" />
        <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
      </Head>
      {/* The App Router's root layout is not used here, so this repeats its shell: font, column, footer.
          The font is set by class, not by the --font-geist-sans variable: Tailwind's --font-sans is
          resolved on :root, which this page cannot give a class to (next/font is refused in _document). */}
      <div className={`${GeistSans.className} flex min-h-dvh flex-col`}>
        <div className="flex-1"><Landing dashboardHref={dashboardHref} /></div>
        <SiteFooter />
      </div>
    </>
  );
}
