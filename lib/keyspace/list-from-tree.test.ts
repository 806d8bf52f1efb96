import { describe, expect, it } from "vitest";
import { KeyspaceTree } from "./keyspace-tree";
import { listFromTree } from "./list-from-tree";

describe("listFromTree", () => {
  const tree = new KeyspaceTree();
  for (const ns of ["b", "a", "c", "d"]) tree.addKey(`/registry/pods/${ns}/p1`);
  tree.addKey("/registry/pods/a/p2");
  tree.addKey("/registry/health");

  it("pages child directories in byte order from a cursor", () => {
    const first = listFromTree(tree, "/registry/pods/", undefined, 2);
    expect(first?.children.map((d) => [d.path, d.keys])).toEqual([
      ["/registry/pods/a/", 2],
      ["/registry/pods/b/", 1],
    ]);
    expect(first?.more).toBe(true);
    const next = listFromTree(tree, "/registry/pods/", "/registry/pods/b0", 2);
    expect(next?.children.map((d) => d.path)).toEqual(["/registry/pods/c/", "/registry/pods/d/"]);
    expect(next?.more).toBe(false);
  });

  it("leaves directories with keys of their own to etcd, and knows empty ones", () => {
    expect(listFromTree(tree, "/registry/", undefined, 10)).toBeUndefined();
    expect(listFromTree(tree, "/registry/pods/a/", undefined, 10)).toBeUndefined();
    expect(listFromTree(tree, "/nothing/", undefined, 10)).toEqual({ children: [], more: false });
  });
});
