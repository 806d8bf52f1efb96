"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { apiErrorSchema } from "@/lib/api/error-response";
import { loginResponseSchema } from "@/lib/auth/login-request";

type FormState = { kind: "idle" } | { kind: "submitting" } | { kind: "failed"; message: string };

async function postLogin(token: string): Promise<string | undefined> {
  let res: Response;
  try {
    res = await fetch("/api/auth/login", {
      method: "POST",
      cache: "no-store",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ token }),
    });
  } catch {
    return "Network error or unable to reach the Raftscope server";
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok && loginResponseSchema.safeParse(body).success) return undefined;
  const error = apiErrorSchema.safeParse(body);
  return error.success ? error.data.error.message : `The server answered HTTP ${res.status}`;
}

/** The token form; on success it replaces the login page with where the user was going. */
export function LoginForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const [state, setState] = useState<FormState>({ kind: "idle" });

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const token = new FormData(e.currentTarget).get("token");
    if (typeof token !== "string" || token === "") {
      setState({ kind: "failed", message: "Enter the access token" });
      return;
    }
    setState({ kind: "submitting" });
    const failure = await postLogin(token);
    if (failure) {
      setState({ kind: "failed", message: failure });
      return;
    }
    router.replace(returnTo);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-describedby="login-help">
      <label htmlFor="login-token" className="text-sm font-medium">
        Access token
      </label>
      <input
        id="login-token"
        name="token"
        type="password"
        autoComplete="current-password"
        required
        className="rounded border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
      />
      <p id="login-help" className="text-sm text-slate-600 dark:text-slate-400">
        The token your administrator configured for this Raftscope server.
      </p>
      {state.kind === "failed" && (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={state.kind === "submitting"}
        className="rounded bg-slate-900 px-3 py-2 font-medium text-white disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900"
      >
        {state.kind === "submitting" ? "Logging in…" : "Log in"}
      </button>
    </form>
  );
}
