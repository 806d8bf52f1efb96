/**
 * Where a rule's element applies, in an operator's words: "Watch on m1", "on m1 to m2", or ""
 * for a rule about the whole cluster. `memberName` turns a hex member id into its name.
 */
export function describeLabels(
  labels: Readonly<Record<string, string>>,
  memberName: (id: string) => string,
): string {
  const parts: string[] = [];
  if (labels.grpc_method) parts.push(labels.grpc_method);
  if (labels.instance) parts.push(`on ${memberName(labels.instance)}`);
  if (labels.To) parts.push(`to ${memberName(labels.To)}`);
  return parts.join(" ");
}
