import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { KeyPair } from "../harness/certs";

const execFileAsync = promisify(execFile);

// `openssl ca` rather than `req -x509`: OpenSSL 3.0 has no -not_before/-not_after, but ca takes
// -startdate/-enddate, which is how expired and not-yet-valid certificates are made here.
const OPENSSL_CONFIG = `[ca]
default_ca = ca_default
[ca_default]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = policy_any
unique_subject = no
[policy_any]
commonName = supplied
[req]
distinguished_name = dn
prompt = no
[dn]
CN = placeholder
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
[member_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth,clientAuth
subjectAltName = DNS:localhost,IP:127.0.0.1
[wrong_host_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth,clientAuth
subjectAltName = DNS:etcd.example.invalid
[client_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
`;

export const PAST = { start: "20200101000000Z", end: "20200201000000Z" };
export const FUTURE = { start: "20990101000000Z", end: "20991231000000Z" };
export const CURRENT = { start: "20240101000000Z", end: "20990101000000Z" };

/** Makes deliberately broken certificates with openssl, in `dir`. */
export class BadPki {
  private constructor(readonly dir: string) {}

  static async create(dir: string): Promise<BadPki> {
    writeFileSync(path.join(dir, "openssl.cnf"), OPENSSL_CONFIG);
    writeFileSync(path.join(dir, "index.txt"), "");
    writeFileSync(path.join(dir, "serial"), "1000\n");
    return new BadPki(dir);
  }

  private run(args: string[]): Promise<unknown> {
    return execFileAsync("openssl", args, { cwd: this.dir, timeout: 15_000 });
  }

  async selfSignedCa(name: string, cn: string): Promise<KeyPair> {
    const pair = this.pair(name);
    await this.run([
      "req",
      "-x509",
      "-config",
      "openssl.cnf",
      "-extensions",
      "ca_ext",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-noenc",
      "-days",
      "30",
      "-subj",
      `/CN=${cn}`,
      "-keyout",
      pair.key,
      "-out",
      pair.cert,
    ]);
    return pair;
  }

  /** A leaf signed by `signer` with the given profile and validity (openssl ca dates). */
  async issue(
    name: string,
    cn: string,
    signer: KeyPair,
    ext: "member_ext" | "wrong_host_ext" | "client_ext",
    validity: { start: string; end: string },
  ): Promise<KeyPair> {
    const pair = this.pair(name);
    const csr = path.join(this.dir, `${name}.csr`);
    await this.run([
      "genpkey",
      "-algorithm",
      "EC",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-out",
      pair.key,
    ]);
    await this.run([
      "req",
      "-new",
      "-config",
      "openssl.cnf",
      "-key",
      pair.key,
      "-subj",
      `/CN=${cn}`,
      "-out",
      csr,
    ]);
    await this.run([
      "ca",
      "-batch",
      "-config",
      "openssl.cnf",
      "-cert",
      signer.cert,
      "-keyfile",
      signer.key,
      "-extfile",
      "openssl.cnf",
      "-extensions",
      ext,
      "-startdate",
      validity.start,
      "-enddate",
      validity.end,
      "-notext",
      "-in",
      csr,
      "-out",
      pair.cert,
    ]);
    return pair;
  }

  private pair(name: string): KeyPair {
    return { cert: path.join(this.dir, `${name}.crt`), key: path.join(this.dir, `${name}.key`) };
  }
}
