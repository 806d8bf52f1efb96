import type { Page } from "@playwright/test";

/** Locators of the cluster dashboard, by role and accessible name only. */
export function dashboardPage(page: Page) {
  const figure = page.getByRole("figure", { name: /^(Stacked|External|etcd members)/ });
  return {
    headline: page.getByRole("region", { name: "Cluster health" }),
    leader: page.getByRole("group", { name: "Leader", exact: true }),
    term: page.getByRole("group", { name: "Raft term", exact: true }),
    writes: page.getByRole("group", { name: "Writes", exact: true }),
    topology: figure,
    memberBox: (name: string) =>
      figure.getByRole("group", { name: new RegExp(`^etcd member ${name}: `) }),
    memberRow: (name: string) =>
      page.getByRole("region", { name: "Members table, scrolls sideways" }).getByRole("row", {
        name: new RegExp(`^${name} `),
      }),
    verdict: page.getByRole("status", { name: "What-if verdict" }),
    failMember: (name: string) => page.getByRole("checkbox", { name: new RegExp(`^${name}\\b`) }),
    failNode: (name: string) => page.getByRole("checkbox", { name: name, exact: true }),
    events: page.getByRole("list", { name: "Events" }),
    windowOption: (name: "5 minutes" | "15 minutes" | "1 hour") =>
      page.getByRole("radio", { name, exact: true }),
  };
}
