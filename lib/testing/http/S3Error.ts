/**
 * Errors the emulator answers with: an HTTP status, an S3 (or ECS) error code and a message,
 * rendered as the standard `<Error>` document. Handlers throw them; the server renders them.
 *
 * @module
 */
import { el, renderXml, type XmlNode } from "../xml/XmlWriter.js";

/**
 * The error code ECS uses for a bad `x-emc-metadata-search` list (reference §3.2). The emulator also
 * uses it for metadata queries it cannot accept: no other code is documented for them (see §15).
 */
export const INVALID_SEARCH_LIST = "Invalid metadata search list entered";

/** An S3 error response. */
export class S3Error extends Error {
  override readonly name = "S3Error";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra elements of the `<Error>` document (`BucketName`, `Key`, `StringToSign`, …). */
    readonly fields: Readonly<Record<string, string>> = {},
    /** Extra response headers (`x-amz-delete-marker`, `Content-Range`, …). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** The `<Error>` document for this error. */
  toXml(resource: string, requestId: string): string {
    const extra: XmlNode[] = Object.entries(this.fields).map(([name, value]) => el(name, value));
    return renderXml(
      el("Error", [
        el("Code", this.code),
        el("Message", this.message),
        ...extra,
        el("Resource", resource),
        el("RequestId", requestId),
      ]),
    );
  }
}

/** The errors used in more than one place, with S3's wording. */
export const errors = {
  noSuchBucket: (bucket: string) =>
    new S3Error(404, "NoSuchBucket", "The specified bucket does not exist", { BucketName: bucket }),
  noSuchKey: (key: string, headers?: Record<string, string>) =>
    new S3Error(404, "NoSuchKey", "The specified key does not exist.", { Key: key }, headers),
  noSuchVersion: (key: string, versionId: string) =>
    new S3Error(404, "NoSuchVersion", "The specified version does not exist.", {
      Key: key,
      VersionId: versionId,
    }),
  noSuchUpload: (uploadId: string) =>
    new S3Error(
      404,
      "NoSuchUpload",
      "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
      { UploadId: uploadId },
    ),
  invalidArgument: (message: string, name?: string, value?: string) =>
    new S3Error(
      400,
      "InvalidArgument",
      message,
      name === undefined ? {} : { ArgumentName: name, ArgumentValue: value ?? "" },
    ),
  invalidRequest: (message: string) => new S3Error(400, "InvalidRequest", message),
  malformedXml: (detail?: string) =>
    new S3Error(
      400,
      "MalformedXML",
      `The XML you provided was not well-formed or did not validate against our published schema${detail ? `: ${detail}` : ""}`,
    ),
  preconditionFailed: (condition: string) =>
    new S3Error(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold", {
      Condition: condition,
    }),
  objectUnderRetention: (key: string) =>
    new S3Error(
      409,
      "ObjectUnderRetention",
      `The object "${key}" is under retention and cannot be modified or deleted`,
      {
        Key: key,
      },
    ),
  notImplemented: (what: string) =>
    new S3Error(
      501,
      "NotImplemented",
      `A header or query you provided implies functionality that is not implemented: ${what}`,
    ),
  methodNotAllowed: (method: string, resource: string) =>
    new S3Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.", {
      Method: method,
      ResourceType: resource,
    }),
  accessDenied: (message = "Access Denied") => new S3Error(403, "AccessDenied", message),
  invalidSearchList: (detail: string) =>
    new S3Error(
      400,
      INVALID_SEARCH_LIST,
      `A keyname on the request is not a valid indexable key, or the format of the request list is incorrect: ${detail}`,
    ),
} as const;
