import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface AppRoute {
  /** A request path with sample values in place of dynamic segments. */
  path: string;
  kind: "page" | "route";
  methods: string[];
}

/** Every page.tsx and route.ts under app/, as a URL a client could ask for. */
export function appRoutes(dir = path.resolve("app"), segments: string[] = []): AppRoute[] {
  const routes: AppRoute[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const name = entry.name;
      // Private folders and intercepting routes are not addresses of their own.
      if (name.startsWith("_") || /^\(\.+\)/.test(name)) continue;
      const sample =
        name.startsWith("(") || name.startsWith("@")
          ? undefined
          : /^\[\[?\.\.\./.test(name)
            ? "sample/nested"
            : name === "[id]"
              ? "demo"
              : name.startsWith("[")
                ? "sample"
                : name;
      routes.push(...appRoutes(full, sample === undefined ? segments : [...segments, sample]));
    } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
      routes.push({ path: `/${segments.join("/")}`, kind: "page", methods: ["GET"] });
    } else if (/^route\.(ts|js)$/.test(entry.name)) {
      const source = readFileSync(full, "utf8");
      const methods = [
        ...source.matchAll(
          /export\s+(?:const|(?:async\s+)?function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g,
        ),
      ].map((m) => m[1] ?? "GET");
      routes.push({ path: `/${segments.join("/")}`, kind: "route", methods });
    }
  }
  return routes;
}
