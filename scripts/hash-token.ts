// Makes a RAFTSCOPE_AUTH_TOKEN_HASH value, so the server never stores the token itself.
//   npx tsx scripts/hash-token.ts < token.txt      hash a token read from stdin
//   npx tsx scripts/hash-token.ts --generate       make a random token, print it and its hash
// The token is read from stdin, never from the command line, which `ps` and shell history keep.
import { randomBytes, scrypt } from "node:crypto";
import { formatScryptHash, scryptDefaults } from "../lib/auth/scrypt-hash";

const MIN_LENGTH = 16;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Type the token, then Enter and Ctrl-D:\n");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

function hashToken(token: string): Promise<string> {
  const { N, r, p, saltBytes, keyBytes } = scryptDefaults;
  const salt = randomBytes(saltBytes);
  return new Promise((resolve, reject) => {
    scrypt(token, salt, keyBytes, { N, r, p, maxmem: 256 * N * r }, (err, key) => {
      if (err) return reject(err);
      resolve(
        formatScryptHash({ N, r, p, salt: salt.toString("base64"), hash: key.toString("base64") }),
      );
    });
  });
}

async function main(): Promise<void> {
  const generate = process.argv.includes("--generate");
  const token = generate ? randomBytes(32).toString("base64url") : await readStdin();
  if (token.length < MIN_LENGTH || token.length > 1024 || /[\r\n]/.test(token)) {
    console.error(`hash-token: the token must be one line of ${MIN_LENGTH} to 1024 characters`);
    process.exit(1);
  }
  const hash = await hashToken(token);
  if (generate) {
    console.log(`token (give it to the dashboard's users; it is not stored): ${token}`);
    console.log(`RAFTSCOPE_AUTH_TOKEN_HASH='${hash}'`);
  } else {
    console.log(hash);
  }
}

void main();
