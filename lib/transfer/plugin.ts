/**
 * The managed-transfer methods and the handlers that install them: `creating-client-class.s3`
 * gives the client `uploadFile`, `uploadStream`, `downloadFile`, `downloadStream` and `copy`;
 * `creating-resource-class.s3.Bucket` and `.Object` give the resources the same methods with the
 * bucket (and key) filled in, as boto3's `inject_s3_transfer_methods` family does. Typed in
 * `methods.ts`.
 *
 * @module
 */
import "./methods.js";
import type { Writable } from "node:stream";
import type { S3ServiceClient } from "../client/ClientFactory.js";
import type { CreatingClientClassEvent } from "../client/events.js";
import type { CreatingResourceClassEvent } from "../resources/events.js";
import type { Session } from "../Session.js";
import type { SessionPlugin } from "../SessionPlugin.js";
import type { Bucket } from "../../resources/s3/Bucket.js";
import type { S3Object } from "../../resources/s3/Object.js";
import { checkTransferCall } from "./checkInput.js";
import { copy } from "./copy.js";
import { downloadFile, downloadStream } from "./download.js";
import type {
  CopyOptions,
  CopySource,
  DownloadOptions,
  TransferResult,
  UploadBody,
  UploadOptions,
  UploadStreamOptions,
} from "./options.js";
import { uploadFile, uploadStream } from "./upload.js";

const clientMethods = {
  async uploadFile(
    this: S3ServiceClient,
    path: string,
    bucket: string,
    key: string,
    options?: UploadOptions,
  ) {
    checkTransferCall(
      this,
      "uploadFile",
      { bucket, key, params: options?.params },
      "CreateMultipartUpload",
      options,
    );
    return uploadFile(this, path, bucket, key, options);
  },
  async uploadStream(
    this: S3ServiceClient,
    body: UploadBody,
    bucket: string,
    key: string,
    options?: UploadStreamOptions,
  ) {
    checkTransferCall(
      this,
      "uploadStream",
      { bucket, key, params: options?.params },
      "CreateMultipartUpload",
      options,
    );
    return uploadStream(this, body, bucket, key, options);
  },
  async downloadFile(
    this: S3ServiceClient,
    bucket: string,
    key: string,
    path: string,
    options?: DownloadOptions,
  ) {
    checkTransferCall(this, "downloadFile", { bucket, key, params: options?.params }, "HeadObject", options);
    return downloadFile(this, bucket, key, path, options);
  },
  async downloadStream(
    this: S3ServiceClient,
    bucket: string,
    key: string,
    destination: Writable,
    options?: DownloadOptions,
  ) {
    checkTransferCall(
      this,
      "downloadStream",
      { bucket, key, params: options?.params },
      "HeadObject",
      options,
    );
    return downloadStream(this, bucket, key, destination, options);
  },
  async copy(this: S3ServiceClient, source: CopySource, bucket: string, key: string, options?: CopyOptions) {
    const target = { bucket, key, params: options?.params, source };
    checkTransferCall(this, "copy", target, "CreateMultipartUpload", options);
    return copy(this, source, bucket, key, options);
  },
};

async function changing(resource: Bucket | S3Object, call: Promise<TransferResult>): Promise<TransferResult> {
  const result = await call;
  resource.meta.stale = true;
  return result;
}

const bucketMethods = {
  uploadFile(this: Bucket, path: string, key: string, options?: UploadOptions) {
    return this.meta.client.uploadFile(path, this.name, key, options);
  },
  uploadStream(this: Bucket, body: UploadBody, key: string, options?: UploadStreamOptions) {
    return this.meta.client.uploadStream(body, this.name, key, options);
  },
  downloadFile(this: Bucket, key: string, path: string, options?: DownloadOptions) {
    return this.meta.client.downloadFile(this.name, key, path, options);
  },
  downloadStream(this: Bucket, key: string, destination: Writable, options?: DownloadOptions) {
    return this.meta.client.downloadStream(this.name, key, destination, options);
  },
  copy(this: Bucket, source: CopySource, key: string, options?: CopyOptions) {
    return this.meta.client.copy(source, this.name, key, options);
  },
};

const objectMethods = {
  uploadFile(this: S3Object, path: string, options?: UploadOptions) {
    return changing(this, this.meta.client.uploadFile(path, this.bucketName, this.key, options));
  },
  uploadStream(this: S3Object, body: UploadBody, options?: UploadStreamOptions) {
    return changing(this, this.meta.client.uploadStream(body, this.bucketName, this.key, options));
  },
  downloadFile(this: S3Object, path: string, options?: DownloadOptions) {
    return this.meta.client.downloadFile(this.bucketName, this.key, path, options);
  },
  downloadStream(this: S3Object, destination: Writable, options?: DownloadOptions) {
    return this.meta.client.downloadStream(this.bucketName, this.key, destination, options);
  },
  copy(this: S3Object, source: CopySource, options?: CopyOptions) {
    return changing(this, this.meta.client.copy(source, this.bucketName, this.key, options));
  },
};

/**
 * Adds the transfer methods to the S3 client class.
 *
 * @throws {@link ClassMemberConflictError} when another plugin already added one of the names.
 * @internal
 */
export function transferClientClassHandler({
  classAttributes,
}: Pick<CreatingClientClassEvent, "classAttributes">): void {
  Object.assign(classAttributes, clientMethods);
}

/**
 * Adds the transfer methods to the `Bucket` class.
 *
 * @throws {@link ClassMemberConflictError} when the class already has one of the names.
 * @internal
 */
export function transferBucketClassHandler({
  classAttributes,
}: Pick<CreatingResourceClassEvent, "classAttributes">): void {
  Object.assign(classAttributes, bucketMethods);
}

/**
 * Adds the transfer methods to the `Object` class.
 *
 * @throws {@link ClassMemberConflictError} when the class already has one of the names.
 * @internal
 */
export function transferObjectClassHandler({
  classAttributes,
}: Pick<CreatingResourceClassEvent, "classAttributes">): void {
  Object.assign(classAttributes, objectMethods);
}

/**
 * The plugin that installs managed transfers, as boto3's session does by default. Every
 * {@link Session} installs it unless created with `transfers: false`; installing it again changes
 * nothing (its handlers have unique ids).
 *
 * @example
 * ```ts
 * const session = new Session({ transfers: false, plugins: [transfers] }); // the same as the default
 * await session.client("s3").uploadFile("./backup.tar", "backups", "2026/backup.tar");
 * ```
 */
export const transfers: SessionPlugin = Object.freeze({
  name: "transfers",
  install(session: Session): void {
    const id = (what: string) => ({ uniqueId: `transfers.${what}` });
    session.events.register("creating-client-class.s3", transferClientClassHandler, id("client-class"));
    session.events.register(
      "creating-resource-class.s3.Bucket",
      transferBucketClassHandler,
      id("resource-class.Bucket"),
    );
    session.events.register(
      "creating-resource-class.s3.Object",
      transferObjectClassHandler,
      id("resource-class.Object"),
    );
  },
});
