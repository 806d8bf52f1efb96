import { byMemberName } from "@/components/members/by-member-name";
import type { MemberView } from "@/lib/health/cluster-health";

type Seat = "up" | "down" | "failing";

const seatTone: Record<Seat, string> = {
  up: "bg-emerald-500 border-emerald-700",
  down: "bg-red-500 border-red-700",
  failing:
    "border-slate-500 bg-[repeating-linear-gradient(45deg,#64748b_0_2px,transparent_2px_6px)]",
};

/** The voters as seats, with the line quorum has to reach; learners sit apart and never count. */
export function QuorumMeter({
  members,
  failing,
  size,
}: {
  members: readonly MemberView[];
  failing: ReadonlySet<string>;
  size: number;
}) {
  const voters = members.filter((m) => m.role !== "learner").sort(byMemberName);
  const learners = members.filter((m) => m.role === "learner");
  const seat = (m: MemberView): Seat =>
    failing.has(m.id) ? "failing" : m.reachable ? "up" : "down";
  const up = voters.filter((m) => seat(m) === "up").length;
  const label = `${voters.length} voters, ${up} up after the what-if; quorum needs ${size}`;
  return (
    <div role="img" aria-label={label} className="flex items-center gap-4">
      <div className="flex items-center gap-1.5">
        {voters.map((m, i) => (
          <span key={m.id} className="flex items-center gap-1.5">
            <span
              title={`${m.name}: ${seat(m)}`}
              className={`inline-block size-5 rounded-full border-2 ${seatTone[seat(m)]}`}
            />
            {i === size - 1 && i < voters.length - 1 && (
              <span
                className="mx-1 h-7 border-l-2 border-dashed border-slate-500"
                title="quorum line"
              />
            )}
          </span>
        ))}
      </div>
      {learners.length > 0 && (
        <div className="flex items-center gap-1 border-l border-slate-300 pl-3 dark:border-slate-700">
          {learners.map((m) => (
            <span
              key={m.id}
              title={`${m.name}: learner`}
              className="inline-block size-3.5 rounded-full border-2 border-dashed border-slate-500"
            />
          ))}
        </div>
      )}
      <span className="text-sm text-slate-600 dark:text-slate-300">
        {up} up · quorum {size} of {voters.length}
      </span>
    </div>
  );
}
