"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="p-8">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2">This view failed to render. The server log has the details.</p>
      <button type="button" onClick={reset} className="mt-4 rounded border px-3 py-1">
        Try again
      </button>
    </main>
  );
}
