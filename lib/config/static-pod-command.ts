import { parse } from "yaml";
import { z } from "zod";

const staticPodSchema = z.object({
  kind: z.literal("Pod", { error: 'expected kind "Pod"' }),
  spec: z.object({
    containers: z
      .array(
        z.object({
          name: z.string(),
          command: z.array(z.string()).default([]),
          args: z.array(z.string()).default([]),
        }),
      )
      .min(1, "expected at least one container"),
  }),
});

/**
 * The argv (command, then args) of the container named `container` in a static pod manifest
 * (kubeadm writes /etc/kubernetes/manifests/etcd.yaml and kube-apiserver.yaml), or of the first
 * container when none has that name. Throws an Error naming what is wrong with the manifest.
 */
export function staticPodCommand(manifestText: string, container: string): string[] {
  let doc: unknown;
  try {
    doc = parse(manifestText);
  } catch (err) {
    throw new Error(`not valid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  const pod = staticPodSchema.safeParse(doc);
  if (!pod.success) {
    const issue = pod.error.issues[0];
    throw new Error(`${issue?.path.join(".") || "manifest"}: ${issue?.message ?? "not a Pod"}`);
  }
  const containers = pod.data.spec.containers;
  const c = containers.find((x) => x.name === container) ?? containers[0];
  return c ? [...c.command, ...c.args] : [];
}
