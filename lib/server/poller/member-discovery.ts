import "server-only";
import type { MemberInfo } from "../../member-snapshot";
import { fetchMemberList, fetchStatus } from "../etcd/member-rpc";
import type { MemberClients } from "./member-clients";
import { errorText } from "./tracked-member";

/** A client URL and how it last answered Status: as a voter or as a learner. */
export interface UrlRole {
  url: string;
  memberId: string;
  learner: boolean;
}

/**
 * Finds the members with MemberList, as `etcdctl member list` does, sent only to a URL that
 * answered Status as a voter: etcd 3.5 learners reject MemberList with gRPC Unavailable, which
 * etcd counts as a failed request (and the etcd mixin's etcdHighNumberOfFailedGRPCRequests
 * would fire on Raftscope's own traffic). URLs are tried one at a time, so a healthy cluster
 * costs one MemberList per round.
 */
export async function discoverMembers(opts: {
  clients: MemberClients;
  deadlineMs: number;
  /** URLs already known to answer as voters, most trusted first. */
  voterUrls: string[];
  /** Configured and remembered URLs whose role is not known yet. */
  otherUrls: string[];
}): Promise<{ members: MemberInfo[]; roles: UrlRole[] }> {
  const { clients, deadlineMs } = opts;
  const roles: UrlRole[] = [];
  const tried: string[] = [];
  let lastError: unknown;
  const tryList = async (url: string): Promise<MemberInfo[] | undefined> => {
    tried.push(url);
    try {
      return await fetchMemberList(clients.get(url), deadlineMs);
    } catch (err) {
      lastError = err;
      return undefined;
    }
  };
  for (const url of opts.voterUrls) {
    const members = await tryList(url);
    if (members) return { members, roles };
  }
  // Unknown URLs: ask Status first (learners answer it), then MemberList of a voter.
  const unknown = opts.otherUrls.filter((u) => !opts.voterUrls.includes(u));
  const answers = await Promise.all(
    unknown.map(async (url) => {
      try {
        const { status } = await fetchStatus(clients.get(url), deadlineMs);
        return { url, memberId: status.memberId, learner: status.isLearner };
      } catch (err) {
        lastError = err;
        return undefined;
      }
    }),
  );
  for (const answer of answers) {
    if (!answer) continue;
    roles.push(answer);
    if (answer.learner) continue;
    const members = await tryList(answer.url);
    if (members) return { members, roles };
  }
  // A URL whose Status failed is not known to be a learner (etcd 3.5 with auth on refuses
  // Status to a non-root user, but serves MemberList): only a known learner is never asked.
  for (const [i, url] of unknown.entries()) {
    if (answers[i] !== undefined) continue;
    const members = await tryList(url);
    if (members) return { members, roles };
  }
  const all = [...opts.voterUrls, ...unknown];
  const onlyLearners = answers.length > 0 && answers.every((a) => a?.learner === true);
  throw new Error(
    onlyLearners
      ? `Only learners answered (${all.join(", ")}); a learner cannot list the members`
      : `No endpoint answered MemberList (${all.join(", ")}): ${errorText(lastError)}`,
  );
}
