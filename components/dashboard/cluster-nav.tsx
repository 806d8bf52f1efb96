"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Dashboard, Keys and Space tabs of one cluster; the current one is marked for assistive tech too. */
export function ClusterNav({ clusterId }: { clusterId: string }) {
  const pathname = usePathname();
  const base = `/clusters/${encodeURIComponent(clusterId)}`;
  const tabs = [
    { href: base, label: "Dashboard", current: pathname === base },
    { href: `${base}/keys`, label: "Keys", current: pathname.startsWith(`${base}/keys`) },
    { href: `${base}/space`, label: "Space", current: pathname.startsWith(`${base}/space`) },
  ];
  return (
    <nav aria-label="Cluster views" className="flex gap-1">
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.current ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 text-sm font-medium ${
            t.current
              ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900"
              : "text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-800"
          }`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
