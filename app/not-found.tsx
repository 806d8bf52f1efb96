import Link from "next/link";

/** Any unknown path, and a cluster id that is not in the config (its layout calls notFound). */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-7xl px-6 py-8">
      <h1 className="mb-3 text-2xl font-bold">Not found</h1>
      <p className="mb-4 text-slate-700 dark:text-slate-300">
        No cluster or page here: the cluster id is not in this Raftscope's config, or the address is
        wrong.
      </p>
      <Link href="/" className="text-blue-700 underline dark:text-blue-300">
        All clusters
      </Link>
    </main>
  );
}
