/** A command's flags by name (without dashes); a flag given twice keeps both values, in order. */
export type CommandFlags = ReadonlyMap<string, readonly string[]>;

/**
 * Reads `--flag=value`, `--flag value` and the single-dash forms from a command's argv, as Go's
 * flag and pflag packages accept them (etcd and kube-apiserver). A flag followed by another flag
 * or by nothing is a boolean and reads as "true". `--` ends the flags.
 */
export function parseCommandFlags(argv: readonly string[]): CommandFlags {
  const flags = new Map<string, string[]>();
  const add = (name: string, value: string) => {
    const values = flags.get(name);
    if (values) values.push(value);
    else flags.set(name, [value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") break;
    const match = /^--?([A-Za-z0-9][A-Za-z0-9._-]*)(?:=([\s\S]*))?$/.exec(arg);
    if (!match?.[1]) continue;
    if (match[2] !== undefined) {
      add(match[1], match[2]);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith("-")) {
      add(match[1], next);
      i++;
    } else {
      add(match[1], "true");
    }
  }
  return flags;
}

/** The last value of a flag (the binaries let a later one win), or undefined. */
export function lastFlag(flags: CommandFlags, name: string): string | undefined {
  return flags.get(name)?.at(-1);
}

/** A comma-separated URL list flag (`--etcd-servers`, `--advertise-client-urls`), trimmed. */
export function listFlag(flags: CommandFlags, name: string): string[] {
  const value = lastFlag(flags, name);
  if (!value) return [];
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
