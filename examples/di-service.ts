/**
 * Dependency injection: `ReportArchive`, an `@injectable()` service that stores and lists reports
 * in a bucket through an injected `S3ServiceResource`, wired by an inversify container loaded
 * with `objectScaleResourcesModule`. The application code names an endpoint (`archive`), never
 * a URL or a key: the container decides, and a test can rebind it.
 *
 * Runs against the in-process ObjectScale emulator, or against `AWS_ENDPOINT_URL` (with
 * `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `OBJECTSCALE_NAMESPACE`) when that is set:
 *
 *   npm run build:test && node --enable-source-maps build/examples/di-service.js
 */
import "reflect-metadata";
import { pathToFileURL } from "node:url";
import { Container, inject, injectable, named } from "inversify";
import { TOKENS, objectScaleResourcesModule, type EndpointOptions } from "../di.js";
import { objectScale } from "../resources/objectscale/index.js";
import { S3ServiceResource } from "../resources/s3/ServiceResource.js";
import { ObjectScaleEmulator } from "../lib/testing/index.js";

/** The bucket {@link ReportArchive} keeps its reports in. */
export const ARCHIVE_BUCKET = Symbol.for("examples.di-service.ArchiveBucket");

/** One stored report, as {@link ReportArchive.list} lists it. */
export interface StoredReport {
  readonly key: string;
  readonly size: number;
}

/**
 * Stores reports under `reports/` in the archive bucket and lists them. Its S3 resource is
 * injected, by endpoint name; `S3ServiceResource` is imported as a value (not `import type`) so
 * the compiled constructor keeps its `design:paramtypes` metadata.
 */
@injectable()
export class ReportArchive {
  constructor(
    @inject(TOKENS.S3Resource) @named("archive") private readonly s3: S3ServiceResource,
    @inject(ARCHIVE_BUCKET) private readonly bucketName: string,
  ) {}

  /** Creates the bucket unless it exists. */
  async prepare(): Promise<void> {
    try {
      await this.s3.meta.client.headBucket({ Bucket: this.bucketName });
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404)
        throw error;
      await this.s3.createBucket({ Bucket: this.bucketName });
    }
  }

  /** Stores `body` as `reports/<name>`; returns the key. */
  async store(name: string, body: string): Promise<string> {
    const key = `reports/${name}`;
    await this.s3.Bucket(this.bucketName).Object(key).put({ Body: body, ContentType: "text/plain" });
    return key;
  }

  /** The stored reports, by key. */
  async list(): Promise<StoredReport[]> {
    const reports: StoredReport[] = [];
    for await (const summary of this.s3.Bucket(this.bucketName).objects.filter({ Prefix: "reports/" })) {
      reports.push({ key: summary.key, size: summary.size ?? 0 });
    }
    return reports;
  }

  /** Deletes every report, then the bucket. */
  async remove(): Promise<void> {
    const bucket = this.s3.Bucket(this.bucketName);
    await bucket.objects.delete();
    await bucket.delete();
  }
}

/** The application's container: the `archive` endpoint, the bucket name and the service. */
export function createContainer(archive: EndpointOptions, bucketName = "di-reports"): Container {
  const container = new Container();
  container.load(objectScaleResourcesModule({ endpoints: { archive }, default: "archive" }));
  container.bind<string>(ARCHIVE_BUCKET).toConstantValue(bucketName);
  container.bind(ReportArchive).toSelf().inSingletonScope();
  return container;
}

async function main(): Promise<void> {
  const external = process.env["AWS_ENDPOINT_URL"];
  const emulator = external === undefined ? await ObjectScaleEmulator.start() : undefined;
  const archive: EndpointOptions =
    emulator === undefined
      ? {
          endpoint: external,
          forcePathStyle: true,
          plugins: [objectScale({ namespace: process.env["OBJECTSCALE_NAMESPACE"] })],
        }
      : {
          endpoint: emulator.endpoint,
          region: emulator.region,
          credentials: { ...emulator.credentials },
          forcePathStyle: true,
          plugins: [objectScale({ namespace: emulator.namespace })],
        };
  const container = createContainer(archive);
  try {
    const reports = container.get(ReportArchive);
    await reports.prepare();
    await reports.store("2026-q3.txt", "revenue up");
    await reports.store("2026-q4.txt", "revenue up again");
    for (const report of await reports.list()) console.log(`${report.key.padEnd(24)} ${report.size} bytes`);
    await reports.remove();
  } finally {
    await container.unbindAllAsync(); // closes the S3 client
    await emulator?.stop();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
