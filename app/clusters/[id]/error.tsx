"use client";

export default function ClusterError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-800 dark:bg-red-950"
    >
      <h1 className="text-xl font-semibold">This view of the cluster failed to render</h1>
      <p className="mt-2">
        The cluster may still be fine: this is a fault in Raftscope. The server log has the details
        {error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md border border-red-400 px-3 py-1 hover:bg-red-100 dark:hover:bg-red-900"
      >
        Try again
      </button>
    </div>
  );
}
