import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { UserMenu } from "@/components/auth/user-menu";
import { ZodCspScript } from "@/components/auth/zod-csp-script";
import { QueryProvider } from "@/components/providers/query-provider";
import { ThemeScript } from "@/components/theme/theme-script";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import "./globals.css";

export const metadata: Metadata = {
  title: "Raftscope",
  description: "Live health of etcd clusters behind Kubernetes control planes",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts puts the request's CSP nonce here; Next adds it to its own scripts the same way.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const user = await getCurrentUser();
  return (
    // The theme script sets the class before hydration, so React must not fight it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
        <ZodCspScript nonce={nonce} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <div className="mx-auto flex max-w-[1600px] items-center justify-between px-6 py-2">
            <Link href="/" className="font-bold tracking-tight">
              Raftscope
            </Link>
            <div className="flex items-center gap-4">
              <UserMenu user={user} />
              <ThemeToggle />
            </div>
          </div>
        </header>
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
