/**
 * The emulator's options with their defaults applied.
 *
 * @module
 */
import type { S3ClientConfig } from "@aws-sdk/client-s3";
import type { EmulatorSettings } from "./EmulatorState.js";
import { loopbackAgent } from "./loopbackAgent.js";
import type {
  ClientConfigOptions,
  EmulatorCredentials,
  ObjectScaleEmulatorOptions,
} from "./ObjectScaleEmulator.js";

const DEFAULT_CREDENTIALS: EmulatorCredentials = {
  accessKeyId: "emulator",
  secretAccessKey: "emulator-secret",
};

/** Applies the defaults documented on {@link ObjectScaleEmulatorOptions}. */
export function resolveSettings(o: ObjectScaleEmulatorOptions): EmulatorSettings {
  const credentials = o.credentials ?? DEFAULT_CREDENTIALS;
  const namespace = o.namespace ?? "ns1";
  return {
    region: o.region ?? "us-east-1",
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    namespace,
    namespaces: new Set([namespace, ...(o.namespaces ?? [])]),
    baseDomains: o.baseDomains ?? ["localhost"],
    dataNodes: o.dataNodes ?? ["127.0.0.1"],
    versionInfo: o.versionInfo ?? "3.8.1.0-objectscale-emulator",
    maxClockSkewMs: o.maxClockSkewMs ?? 15 * 60_000,
    minPartSize: o.minPartSize ?? 5 * 1024 * 1024,
    maxBodyBytes: o.maxBodyBytes ?? 1024 * 1024 * 1024,
    retentionPolicies: new Map(Object.entries(o.retentionPolicies ?? {})),
    encryptionLicensed: o.encryptionLicensed ?? true,
    emptyBucketStepMs: o.emptyBucket?.stepDelayMs ?? 10,
    emptyBucketEntriesPerStep: o.emptyBucket?.entriesPerStep ?? 1000,
    requireContentMd5: o.requireContentMd5 ?? false,
    legacyQueryEndMarker: o.legacyQueryEndMarker ?? false,
    maxRecordedRequests: o.maxRecordedRequests ?? 5000,
    recordBodyBytes: o.recordBodyBytes ?? 8192,
  };
}

/** `new S3Client(...)` settings for the emulator (node) listening on `port`. */
export function clientConfigFor(port: number, settings: EmulatorSettings, options: ClientConfigOptions): S3ClientConfig {
  const host = options.namespaceInHost === undefined ? "localhost" : `${options.namespaceInHost}.localhost`;
  const named = options.virtualHost === true || options.namespaceInHost !== undefined;
  return {
    endpoint: named ? `http://${host}:${port}` : `http://127.0.0.1:${port}`,
    region: settings.region,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    forcePathStyle: options.virtualHost !== true,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    ...(named ? { requestHandler: { httpAgent: loopbackAgent() } } : {}),
  };
}
