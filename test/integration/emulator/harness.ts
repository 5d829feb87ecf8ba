/**
 * Helpers of the emulator's integration tests: raw requests signed with the SDK's own
 * `SignatureV4` (for the ECS extensions no SDK command models), and XML parsing of the answers.
 */
import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";

import { HttpRequest } from "@smithy/core/protocols";
import { Hash } from "@smithy/core/serde";
import { SignatureV4 } from "@smithy/signature-v4";

import type { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import { parseXml, type XmlElement } from "../../../lib/testing/xml/XmlReader.js";

/** A raw request. The path is given decoded; query values too. */
export interface RawRequest {
  readonly method: string;
  /** `/`, `/bucket` or `/bucket/key` (decoded; encoded here). */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** Send without any signature. */
  readonly unsigned?: boolean;
  /** Sign with this secret instead of the emulator's. */
  readonly secret?: string;
  /** The Host header (and signing host); `127.0.0.1:PORT` by default. */
  readonly host?: string;
}

/** A raw response. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The body parsed as XML (throws when it is not). */
  xml(): XmlElement;
}

const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Sends `spec` to the emulator, signed with SigV4 by `@smithy/signature-v4` unless `unsigned`. */
export async function rawRequest(emu: ObjectScaleEmulator, spec: RawRequest): Promise<RawResponse> {
  const body = spec.body === undefined ? Buffer.alloc(0) : Buffer.from(spec.body);
  const host = spec.host ?? `127.0.0.1:${emu.port}`;
  const path = spec.path.split("/").map(encode).join("/");
  let headers: Record<string, string> = { host, ...spec.headers };
  if (body.length > 0) headers["content-length"] = String(body.length);
  if (!spec.unsigned) {
    const signer = new SignatureV4({
      service: "s3",
      region: emu.region,
      credentials: { ...emu.credentials, secretAccessKey: spec.secret ?? emu.credentials.secretAccessKey },
      sha256: Hash.bind(null, "sha256"),
      uriEscapePath: false,
    });
    const unsignedRequest = new HttpRequest({
      protocol: "http:",
      hostname: host.split(":")[0],
      port: emu.port,
      method: spec.method,
      path,
      query: { ...spec.query },
      headers: { ...headers, "x-amz-content-sha256": createHash("sha256").update(body).digest("hex") },
      body,
    });
    headers = (await signer.sign(unsignedRequest)).headers;
  }
  const queryString = Object.entries(spec.query ?? {})
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .join("&");
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: emu.port,
        method: spec.method,
        path: queryString ? `${path}?${queryString}` : path,
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const flat: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(",") : v;
          resolve({ status: res.statusCode ?? 0, headers: flat, body: text, xml: () => parseXml(text) });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The texts of every element named `name` below `root` (depth first). */
export function textsOf(root: XmlElement, name: string): string[] {
  const out: string[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e.text);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** Base64 MD5, for `Content-MD5`. */
export function contentMd5(body: string | Buffer): string {
  return createHash("md5").update(body).digest("base64");
}
