import type { MemberView, TlsView } from "@/lib/health/cluster-health";

type Summary = NonNullable<TlsView["clientCertificate"]>;

const expiryStyle: Record<Summary["expiry"], string> = {
  valid: "text-emerald-800 dark:text-emerald-300",
  expiring: "text-amber-800 dark:text-amber-300",
  expired: "text-red-700 dark:text-red-300",
  "not-yet-valid": "text-red-700 dark:text-red-300",
};

function expiryText(c: Summary): string {
  const date = c.validTo.slice(0, 10);
  if (c.expiry === "expired") return `expired ${date}`;
  if (c.expiry === "not-yet-valid") return `not valid before ${c.validFrom.slice(0, 10)}`;
  return `expires ${date} (${c.daysLeft} day${c.daysLeft === 1 ? "" : "s"})`;
}

function Row({ label, cert }: { label: string; cert: Summary | undefined }) {
  return (
    <tr className="border-t border-slate-200 dark:border-slate-800">
      <th scope="row" className="py-1.5 pr-4 text-left font-medium">
        {label}
      </th>
      <td className="py-1.5 pr-4 font-mono text-xs">{cert?.subject ?? "not seen yet"}</td>
      <td className={`py-1.5 ${cert ? expiryStyle[cert.expiry] : ""}`}>
        {cert ? expiryText(cert) : "—"}
      </td>
    </tr>
  );
}

/** The client certificate Raftscope presents and each member's, with their expiry. */
export function CertificatesPanel({ tls, members }: { tls: TlsView; members: MemberView[] }) {
  const problems = [tls.materialProblem, tls.discoveryProblem].filter((p) => p !== null);
  return (
    <section
      aria-labelledby="certificates-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="certificates-heading" className="text-base font-semibold">
        Certificates
      </h2>
      {problems.map((p) => (
        <p key={p.kind} role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {p.message}
        </p>
      ))}
      <table className="mt-2 w-full text-sm">
        <thead className="sr-only">
          <tr>
            <th scope="col">Presented by</th>
            <th scope="col">Subject</th>
            <th scope="col">Validity</th>
          </tr>
        </thead>
        <tbody>
          <Row label="Raftscope (client)" cert={tls.clientCertificate ?? undefined} />
          {[...members]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((m) => (
              <Row key={m.id} label={m.name} cert={tls.serverCertificates[m.id]} />
            ))}
        </tbody>
      </table>
    </section>
  );
}
