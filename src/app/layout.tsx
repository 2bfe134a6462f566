import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "geist/font/mono";
import { SiteFooter } from "~/components/site-footer";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Keyturn — dealers compete for your car", template: "%s · Keyturn" },
  description: "Post what car you want and on what terms. Local dealers quote, lenders pre-approve, you compare and choose. Your data moves only with your key.",
  icons: { icon: "/favicon.ico", apple: "/apple-touch-icon.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="flex min-h-dvh flex-col font-sans">
        {/* No client providers here: the home, privacy and terms pages are server-rendered HTML with no
            API client; the signed-in areas and the forms that call the API bring their own (AppShell). */}
        <div className="flex-1">{children}</div>
        <SiteFooter />
      </body>
    </html>
  );
}
