import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { loginSearchSchema } from "@/lib/auth/login-search";
import { getAuthState } from "@/lib/server/auth/auth-state";
import { getCurrentUser } from "@/lib/server/auth/current-user";

export const metadata: Metadata = { title: "Log in · Raftscope" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = loginSearchSchema.parse(await searchParams);
  // Only token mode has a login; the others, and a live session, go straight on.
  if (getAuthState().settings.mode !== "token" || (await getCurrentUser())) redirect(next);
  return (
    <main className="mx-auto mt-24 max-w-sm px-6">
      <h1 className="mb-6 text-2xl font-bold">Log in to Raftscope</h1>
      <LoginForm returnTo={next} />
    </main>
  );
}
