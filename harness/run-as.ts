import { chmod, chown, readdir, stat } from "node:fs/promises";
import path from "node:path";

async function chownTree(target: string, uid: number, gid: number): Promise<void> {
  await chown(target, uid, gid);
  if ((await stat(target)).isDirectory()) {
    for (const entry of await readdir(target)) await chownTree(path.join(target, entry), uid, gid);
  }
}

/**
 * Lets another user run a member: the directories on the way become traversable (not
 * listable), and its data directory and private keys become its own.
 */
export async function grantAccess(
  runAs: { uid: number; gid: number },
  paths: { traverse: string[]; own: string[] },
): Promise<void> {
  for (const dir of paths.traverse) {
    const mode = (await stat(dir)).mode & 0o777;
    await chmod(dir, mode | 0o711);
  }
  for (const p of paths.own) await chownTree(p, runAs.uid, runAs.gid);
}
