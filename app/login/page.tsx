import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { loginSearchSchema } from "@/lib/auth/login-search";
import { getAuthState } from "@/lib/server/auth/auth-state";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { noIdentityMessage } from "@/lib/server/auth/no-identity-page";

export const metadata: Metadata = { title: "Log in · Raftscope" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = loginSearchSchema.parse(await searchParams);
  const { settings } = getAuthState();
  // A live session, and modes without a login that know the user, go straight on.
  if ((await getCurrentUser()) || settings.mode === "none") redirect(next);
  if (settings.mode === "proxy") {
    // No login page in proxy mode: redirecting would loop between here and the page.
    return (
      <main className="mx-auto mt-24 max-w-lg px-6">
        <h1 className="mb-6 text-2xl font-bold">Not signed in</h1>
        <p>{noIdentityMessage(settings.identityHeader)}</p>
      </main>
    );
  }
  return (
    <main className="mx-auto mt-24 max-w-sm px-6">
      <h1 className="mb-6 text-2xl font-bold">Log in to Raftscope</h1>
      <LoginForm returnTo={next} />
    </main>
  );
}
