import "server-only";
import type { TlsProblem } from "../../tls/tls-diagnosis";
import type { TlsMaterial } from "../etcd/tls-material";
import { diagnoseEndpoint } from "./diagnose-endpoint";

/** A member that keeps failing is handshaken with at most this often. */
const DIAGNOSE_INTERVAL_MS = 5000;

interface Diagnosis {
  materialVersion: number;
  startedAt: number;
  pending: Promise<TlsProblem | null>;
  /** Set once the handshake is over. */
  result?: TlsProblem | null;
}

/**
 * Runs diagnoseEndpoint for failing members, at most once per endpoint per interval and
 * again as soon as the TLS material changes, and remembers the last answer.
 */
export class EndpointDiagnoser {
  private readonly diagnoses = new Map<string, Diagnosis>();

  constructor(
    private readonly deadlineMs: number,
    private readonly intervalMs = DIAGNOSE_INTERVAL_MS,
  ) {}

  /** The running or recent diagnosis of `endpoint`, or a new handshake when there is none. */
  diagnose(
    endpoint: string,
    material: TlsMaterial,
    materialVersion: number,
  ): Promise<TlsProblem | null> {
    const now = Date.now();
    const known = this.diagnoses.get(endpoint);
    if (
      known &&
      known.materialVersion === materialVersion &&
      now - known.startedAt < this.intervalMs
    ) {
      return known.pending;
    }
    const entry: Diagnosis = {
      materialVersion,
      startedAt: now,
      pending: diagnoseEndpoint(endpoint, material, this.deadlineMs).catch(() => null),
    };
    entry.pending.then((result) => {
      entry.result = result;
    });
    this.diagnoses.set(endpoint, entry);
    return entry.pending;
  }

  /** The last finished diagnosis for this material, or undefined when there is none. */
  latest(endpoint: string, materialVersion: number): TlsProblem | null | undefined {
    const known = this.diagnoses.get(endpoint);
    return known?.materialVersion === materialVersion ? known.result : undefined;
  }

  /** A member that answers again starts afresh when it next fails. */
  forget(endpoint: string): void {
    this.diagnoses.delete(endpoint);
  }
}
