/**
 * `objectscale-resources/testing`: an in-process ObjectScale/ECS-compatible S3 server for development
 * and tests.
 *
 * @example
 * ```ts
 * import { S3Client, CreateBucketCommand } from "@aws-sdk/client-s3";
 * import { ObjectScaleEmulator } from "objectscale-resources/testing";
 *
 * const emu = await ObjectScaleEmulator.start();
 * const s3 = new S3Client(emu.clientConfig());
 * await s3.send(new CreateBucketCommand({ Bucket: "logs" }));
 * await emu.stop();
 * ```
 *
 * @module objectscale-resources/testing
 */
export { ObjectScaleEmulator } from "./ObjectScaleEmulator.js";
export { EmulatorCluster, EmulatorNode } from "./EmulatorCluster.js";
export type { EmulatorClusterOptions } from "./EmulatorCluster.js";
export type {
  ObjectScaleEmulatorOptions,
  EmulatorCredentials,
  ClientConfigOptions,
} from "./ObjectScaleEmulator.js";
export type { RecordedRequest, RecordedSignature } from "./http/RequestLog.js";
export type { SignatureVerdict } from "./auth/SigV4Verifier.js";
export type { BucketDescription } from "./describeBucket.js";
export type { SearchKey, SearchDatatype } from "./search/searchKeys.js";
export type { EmptyBucketTaskStatus, VersioningStatus } from "./store/BucketState.js";
export { loopbackAgent } from "./loopbackAgent.js";
