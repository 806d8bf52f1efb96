import { execFile } from "node:child_process";
import { createPrivateKey, X509Certificate } from "node:crypto";
import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

const OPENSSL_TIMEOUT_MS = 15_000;
const VALID_DAYS = 3650;
/** Certificates expiring sooner than this are regenerated rather than reused. */
const MIN_REMAINING_MS = 7 * 24 * 3600 * 1000;

const SERVER_AUTH_OID = "1.3.6.1.5.5.7.3.1";
const CLIENT_AUTH_OID = "1.3.6.1.5.5.7.3.2";

// One config for every certificate: `-extensions` picks the profile. Writing it ourselves keeps
// the distro's openssl.cnf defaults (which differ between releases) out of the certificates.
const OPENSSL_CONFIG = `[req]
distinguished_name = dn
prompt = no
[dn]
CN = placeholder
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[member_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth,clientAuth
subjectAltName = DNS:localhost,IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[client_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

export interface KeyPair {
  cert: string;
  key: string;
}

export interface CertPaths {
  dir: string;
  ca: KeyPair;
  /** Client certificate Raftscope itself presents (CN=raftscope). */
  client: KeyPair;
  /** Client certificate for the harness and etcdctl (CN=root). */
  root: KeyPair;
  /** Certificate a member serves its client URL with (serverAuth and clientAuth). */
  server(member: string): KeyPair;
  /** Certificate a member uses towards its peers, in both directions. */
  peer(member: string): KeyPair;
}

type Profile = "member_ext" | "client_ext";

interface LeafSpec {
  pair: KeyPair;
  commonName: string;
  profile: Profile;
}

/** File locations of the harness PKI under `dir`; touches nothing on disk. */
export function certPaths(dir: string): CertPaths {
  const pair = (base: string): KeyPair => ({
    cert: path.join(dir, `${base}.crt`),
    key: path.join(dir, `${base}.key`),
  });
  return {
    dir,
    ca: pair("ca"),
    client: pair("client"),
    root: pair("root"),
    server: (member) => pair(`${member}-server`),
    peer: (member) => pair(`${member}-peer`),
  };
}

/**
 * Creates (or reuses) a CA, per-member server and peer certificates and the `client` and `root`
 * client certificates under `dir`, with EC P-256 keys. Existing files are kept when they are
 * signed by the CA, match their key, carry the required usages and SANs and are not about to
 * expire; only what is missing or invalid is generated, so adding a member later is cheap.
 */
export async function generateCerts(
  dir: string,
  opts: { memberNames: string[] },
): Promise<CertPaths> {
  for (const name of opts.memberNames) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
      throw new Error(`invalid member name ${JSON.stringify(name)} for a certificate file name`);
    }
  }
  const paths = certPaths(dir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const configFile = path.join(dir, "openssl.cnf");
  await writeFile(configFile, OPENSSL_CONFIG);

  const leaves: LeafSpec[] = [
    { pair: paths.client, commonName: "raftscope", profile: "client_ext" },
    { pair: paths.root, commonName: "root", profile: "client_ext" },
    ...opts.memberNames.flatMap((name): LeafSpec[] => [
      { pair: paths.server(name), commonName: name, profile: "member_ext" },
      { pair: paths.peer(name), commonName: name, profile: "member_ext" },
    ]),
  ];

  let ca = await loadValid(paths.ca, undefined, "ca");
  if (ca === undefined) {
    await createCa(paths.ca, configFile);
    ca = await loadValid(paths.ca, undefined, "ca");
    if (ca === undefined) throw new Error(`openssl produced an unusable CA in ${dir}`);
  }
  const caCert = ca;
  const stale: LeafSpec[] = [];
  for (const leaf of leaves) {
    if ((await loadValid(leaf.pair, caCert, leaf.profile)) === undefined) stale.push(leaf);
  }
  // Two at a time: EC keys are cheap and the machine is shared.
  for (let i = 0; i < stale.length; i += 2) {
    await Promise.all(stale.slice(i, i + 2).map((leaf) => createLeaf(leaf, paths.ca, configFile)));
  }
  // Reused keys may have been copied around with a looser mode; etcd warns, TLS libraries may not.
  await Promise.all([paths.ca, ...leaves.map((leaf) => leaf.pair)].map((p) => chmod(p.key, 0o600)));
  return paths;
}

async function createCa(ca: KeyPair, configFile: string): Promise<void> {
  await openssl(
    ["-extensions", "ca_ext", "-subj", "/CN=Raftscope harness CA"],
    ca,
    configFile,
    "the CA",
  );
}

async function createLeaf(leaf: LeafSpec, ca: KeyPair, configFile: string): Promise<void> {
  await openssl(
    [
      "-extensions",
      leaf.profile,
      "-subj",
      `/CN=${leaf.commonName}`,
      "-CA",
      ca.cert,
      "-CAkey",
      ca.key,
    ],
    leaf.pair,
    configFile,
    `the certificate for ${leaf.commonName}`,
  );
}

/** Runs `openssl req -x509` into temporary files and renames them, so readers never see half a pair. */
async function openssl(
  args: string[],
  out: KeyPair,
  configFile: string,
  what: string,
): Promise<void> {
  const suffix = `.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const tmp = { cert: out.cert + suffix, key: out.key + suffix };
  try {
    await execFileAsync(
      "openssl",
      [
        "req",
        "-x509",
        "-config",
        configFile,
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-noenc",
        "-days",
        String(VALID_DAYS),
        "-keyout",
        tmp.key,
        "-out",
        tmp.cert,
        ...args,
      ],
      { timeout: OPENSSL_TIMEOUT_MS },
    );
    await chmod(tmp.key, 0o600);
    await rename(tmp.key, out.key);
    await rename(tmp.cert, out.cert);
  } catch (error) {
    await Promise.all([rm(tmp.cert, { force: true }), rm(tmp.key, { force: true })]);
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`openssl failed to create ${what}: ${detail}`);
  }
}

/** The certificate when the pair on disk is usable as `profile`, otherwise undefined. */
async function loadValid(
  pair: KeyPair,
  ca: X509Certificate | undefined,
  profile: Profile | "ca",
): Promise<X509Certificate | undefined> {
  let cert: X509Certificate;
  try {
    const [certPem, keyPem] = await Promise.all([readFile(pair.cert), readFile(pair.key)]);
    cert = new X509Certificate(certPem);
    if (!cert.checkPrivateKey(createPrivateKey(keyPem))) return undefined;
  } catch {
    return undefined;
  }
  if (Date.parse(cert.validTo) - Date.now() < MIN_REMAINING_MS) return undefined;
  if (profile === "ca") return cert.ca ? cert : undefined;
  if (ca === undefined || !cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return undefined;
  const usages = cert.keyUsage ?? [];
  if (!usages.includes(CLIENT_AUTH_OID)) return undefined;
  if (profile === "member_ext") {
    const sans = cert.subjectAltName ?? "";
    if (!usages.includes(SERVER_AUTH_OID)) return undefined;
    if (!sans.includes("DNS:localhost") || !sans.includes("IP Address:127.0.0.1")) return undefined;
  }
  return cert;
}
