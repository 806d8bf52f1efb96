import type { AuthUser } from "@/lib/auth/auth-user";

/**
 * Who is signed in, and a way out. A plain form post, so logging out works before hydration and
 * needs no script. Proxy identities end at the proxy, so they get no logout here; with auth off
 * there is nobody to show.
 */
export function UserMenu({ user }: { user: AuthUser | undefined }) {
  if (!user || user.method === "none") return null;
  return (
    <section aria-label="Account" className="flex items-center gap-3 text-sm">
      <p>
        <span className="text-slate-600 dark:text-slate-400">Signed in as </span>
        <span className="font-medium">{user.name}</span>
      </p>
      {user.method !== "proxy" && (
        <form method="post" action="/api/auth/logout">
          <button
            type="submit"
            className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Log out
          </button>
        </form>
      )}
    </section>
  );
}
