// The localhost certificate that `npm start` and the webpack dev server share. Generated with `selfsigned` (no sudo,
// no prompts, unlike office-addin-dev-certs on Linux) into .certs/, and reused until it nears its end.
import { X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const certDir = path.join(root, ".certs");
export const certFile = path.join(certDir, "localhost.crt");
export const keyFile = path.join(certDir, "localhost.key");

/** Returns { key, cert } (PEM strings), generating them first when missing, unreadable or expiring within a week. */
export async function ensureCertificate() {
  if (existsSync(certFile) && existsSync(keyFile)) {
    try {
      const cert = readFileSync(certFile, "utf8");
      const expires = new Date(new X509Certificate(cert).validTo).getTime();
      if (expires - Date.now() > 7 * 24 * 3600 * 1000) return { key: readFileSync(keyFile, "utf8"), cert, created: false };
    } catch {
      // Unreadable: make a new one below.
    }
  }
  const { generate } = (await import("selfsigned")).default;
  const notBeforeDate = new Date(Date.now() - 24 * 3600 * 1000);
  // 365 days: browsers and macOS refuse server certificates valid for much longer than a year.
  const notAfterDate = new Date(notBeforeDate.getTime() + 365 * 24 * 3600 * 1000);
  const pems = await generate([{ name: "commonName", value: "localhost" }, { name: "organizationName", value: "Huizong (local)" }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: false, critical: true },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }, { type: 7, ip: "127.0.0.1" }, { type: 7, ip: "::1" }] },
    ],
  });
  mkdirSync(certDir, { recursive: true });
  // Written beside and renamed, so that a server starting at the same moment never reads half a file.
  writeFileSync(`${keyFile}.tmp`, pems.private, { mode: 0o600 });
  writeFileSync(`${certFile}.tmp`, pems.cert);
  renameSync(`${keyFile}.tmp`, keyFile);
  renameSync(`${certFile}.tmp`, certFile);
  return { key: pems.private, cert: pems.cert, created: true };
}
