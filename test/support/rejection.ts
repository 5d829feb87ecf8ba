import { AssertionError } from "chai";
import { S3ServiceException } from "@aws-sdk/client-s3";

/** The error `promise` rejects with; fails the test when it resolves or rejects with a non-Error. */
export async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error as Error & Record<string, unknown>;
    throw new Error(`rejected with a non-Error: ${String(error)}`, { cause: error });
  }
  throw new AssertionError("expected the call to fail, but it succeeded");
}

/** The SDK service error `promise` rejects with; any other outcome fails the test. */
export async function serviceFailure(promise: Promise<unknown>): Promise<S3ServiceException> {
  const error = await rejection(promise);
  if (error instanceof S3ServiceException) return error;
  throw error;
}
