/**
 * Types of the S3 operations, derived from the SDK's command classes so they never drift from the
 * pinned `@aws-sdk/client-s3`.
 *
 * @module
 */
import type { s3Commands } from "./operations.js";

type Commands = typeof s3Commands;

type InputOfCommand<C> = C extends abstract new (...args: never[]) => { readonly input: infer I } ? I : never;
type OutputOfCommand<C> = C extends abstract new (...args: never[]) => {
  resolveMiddleware(...args: never[]): (...args: never[]) => Promise<{ output: infer O }>;
}
  ? O
  : never;

/** @internal */
export type GeneratedS3Operations = {
  [Op in keyof Commands]: { input: InputOfCommand<Commands[Op]>; output: OutputOfCommand<Commands[Op]> };
};

/**
 * Every operation of the S3 client with its input and output types, keyed by the model name
 * (`PutObject`). Plugins that add operations (the ObjectScale plugin adds `QueryObjects`, ...)
 * extend it by declaration merging, which also types their events.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- extended by declaration merging
export interface S3Operations extends GeneratedS3Operations {}

/** The model name of an S3 operation, such as `"PutObject"`. */
export type S3OperationName = Extract<keyof S3Operations, string>;

/** The SDK input of operation `Op` (for example `PutObjectCommandInput`). */
export type S3Input<Op extends S3OperationName = S3OperationName> = S3Operations[Op]["input"];

/** The SDK output of operation `Op` (for example `PutObjectCommandOutput`). */
export type S3Output<Op extends S3OperationName = S3OperationName> = S3Operations[Op]["output"];

/**
 * Input members that event handlers promise to supply, per operation. Declare them by declaration
 * merging; the client methods then accept inputs without those members, and validation still
 * checks at run time that a handler did supply them.
 *
 * @example
 * ```ts
 * declare module "objectscale-resources" {
 *   interface S3ProvidedParams { ListObjectsV2: "Bucket" }
 * }
 * session.events.register("provide-client-params.s3.ListObjectsV2", ({ params }) => {
 *   params.Bucket ??= "logs";
 * });
 * await session.client("s3").listObjectsV2(); // no Bucket needed
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- extended by declaration merging
export interface S3ProvidedParams {}

type Provided<Op extends string> = Op extends keyof S3ProvidedParams
  ? Extract<S3ProvidedParams[Op], PropertyKey>
  : never;

/**
 * Members that plugins add to an operation's input, beyond the SDK's (the ObjectScale plugin adds
 * `ObjectScale` options to CreateBucket, say). Declared by declaration merging; the plugin's event
 * handlers take them out of the params before the SDK sees them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- extended by declaration merging
export interface S3InputExtensions {}

/**
 * Members that plugins add to an operation's output (ObjectScale's response headers, say).
 * Declared by declaration merging; filled by the plugin's `after-call` handlers.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- extended by declaration merging
export interface S3OutputExtensions {}

type InputExtension<Op extends string> = Op extends keyof S3InputExtensions ? S3InputExtensions[Op] : unknown;
type OutputExtension<Op extends string> = Op extends keyof S3OutputExtensions ? S3OutputExtensions[Op] : unknown;

/**
 * What a caller passes to operation `Op`: the SDK input, minus members declared in
 * {@link S3ProvidedParams}, plus members declared in {@link S3InputExtensions}.
 */
export type S3ClientInput<Op extends S3OperationName = S3OperationName> = ([Provided<Op>] extends [never]
  ? S3Input<Op>
  : Omit<S3Input<Op>, Provided<Op>> & Partial<Pick<S3Input<Op>, Extract<Provided<Op>, keyof S3Input<Op>>>>) &
  InputExtension<Op>;

/** What a client method for `Op` returns: the SDK output plus members declared in {@link S3OutputExtensions}. */
export type S3ClientOutput<Op extends S3OperationName = S3OperationName> = S3Output<Op> & OutputExtension<Op>;

/** Options accepted by every client call. */
export interface CallOptions {
  /** Cancels the call (and its retries) when aborted. */
  abortSignal?: AbortSignal;
  /**
   * Milliseconds each attempt may take until the response's headers arrive (the request body is
   * sent by then); past it the attempt fails with a `TimeoutError` and the SDK retries it. It does
   * not bound reading a streamed response body (GetObject's `Body`): the managed downloads watch
   * their bodies themselves with the same value; for your own reads, set a socket idle timeout
   * with `sdk: { requestHandler: { socketTimeout } }`.
   */
  requestTimeout?: number;
  /**
   * Called as the request body is handed to the connection, with the bytes of each piece (64 KiB
   * at most); when the SDK retries a failed attempt, that attempt's bytes are taken back with one
   * negative call first, so the running sum is the bytes of the attempt in flight. Only bodies given
   * as bytes or a string are reported; a stream body is sent as is, without calls. The managed
   * transfers use it for their byte-level progress.
   *
   * @example
   * ```ts
   * let sent = 0;
   * await s3.putObject({ Bucket: "logs", Key: "big.bin", Body: data }, { onSendProgress: (n) => (sent += n) });
   * ```
   */
  onSendProgress?: (bytes: number) => void;
  /**
   * Sign `UNSIGNED-PAYLOAD` instead of the SHA-256 of the body, which is what the SDK does for
   * every stream body: it saves hashing the body (about 2 ms of CPU per MiB on a small machine).
   * Only use it when another signed header binds the body, such as `ContentMD5` (which the server
   * checks), or over HTTPS. The managed transfers set it for their parts and single PUTs, which
   * always carry a Content-MD5.
   * @default false
   */
  unsignedPayload?: boolean;
}

/** The argument list of the client method for `Op`: the input may be omitted when every member is optional. */
export type S3MethodArgs<Op extends S3OperationName> =
  Record<string, never> extends S3ClientInput<Op>
    ? [input?: S3ClientInput<Op>, options?: CallOptions]
    : [input: S3ClientInput<Op>, options?: CallOptions];

/** One camelCase method per S3 operation, like the SDK's aggregated `S3` class. */
export type S3OperationMethods = {
  [Op in S3OperationName as Uncapitalize<Op>]: (...args: S3MethodArgs<Op>) => Promise<S3ClientOutput<Op>>;
};
