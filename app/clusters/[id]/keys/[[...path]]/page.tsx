import type { Metadata } from "next";
import { displayKey } from "@/lib/keys/key-display";
import { pathToKey } from "@/lib/keys/key-path";
import { getRuntime } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; path?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, path = [] } = await params;
  const cluster = getRuntime().pollers.get(id)?.name ?? id;
  const key = pathToKey(path);
  const shown = key && key.length > 0 ? `${displayKey(key)} · ` : "";
  return { title: `${shown}Keys · ${cluster} · Raftscope` };
}

/** The key browser itself is in the layout; the page only names the key in the title. */
export default function KeysPage() {
  return null;
}
