export default function ClusterLoading() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true">
      <p role="status" className="sr-only">
        Loading the cluster view…
      </p>
      <div className="h-32 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
      <div className="grid gap-5 lg:grid-cols-[3fr_2fr]">
        <div className="h-80 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
        <div className="h-80 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
      </div>
      <div className="h-48 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
