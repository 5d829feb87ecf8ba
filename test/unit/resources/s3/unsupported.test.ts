/**
 * The S3 resource actions Ceph RGW 16 cannot answer, checked on the wire against a stub transport:
 * the request each one sends, and how the resource reads a canned S3 answer. (RGW refuses
 * PutBucketLogging with 405, needs its own topic API before PutBucketNotificationConfiguration,
 * and answers RestoreObject with 501; its GetBucketLogging / GetBucketNotificationConfiguration
 * only ever return empty documents.)
 */
import { expect } from "chai";
import { Session } from "../../../../index.js";
import { StubTransport, stubSessionOptions } from "../../../support/stubTransport.js";

const XMLNS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';

/** A session on a stub transport, with the body of every request it sends. */
function stubbed(...answers: ConstructorParameters<typeof StubTransport>) {
  const transport = new StubTransport(...answers);
  const session = new Session(stubSessionOptions(transport));
  const bodies: string[] = [];
  session.events.register("before-send.s3", ({ request }) => {
    bodies.push(typeof request.body === "string" ? request.body : "");
  });
  return { transport, s3: session.resource("s3"), bodies };
}

describe("S3 resources RGW cannot serve (stub transport)", () => {
  describe("BucketLogging", () => {
    it("put() sends PUT /<bucket>/?logging with the BucketLoggingStatus", async () => {
      const { transport, s3, bodies } = stubbed({ statusCode: 200 });
      await s3
        .Bucket("logs")
        .Logging()
        .put({ BucketLoggingStatus: { LoggingEnabled: { TargetBucket: "audit", TargetPrefix: "logs/" } } });
      const [request] = transport.requests;
      expect(request!.method).to.equal("PUT");
      expect(request!.path).to.equal("/logs/");
      expect(request!.query).to.have.property("logging");
      expect(bodies[0])
        .to.include("<TargetBucket>audit</TargetBucket>")
        .and.include("<TargetPrefix>logs/</TargetPrefix>");
    });

    it("load() reads loggingEnabled from GetBucketLogging", async () => {
      const { transport, s3 } = stubbed({
        body: `<BucketLoggingStatus ${XMLNS}><LoggingEnabled><TargetBucket>audit</TargetBucket><TargetPrefix>logs/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>`,
      });
      const logging = await s3.BucketLogging("logs").load();
      expect(transport.requests[0]!.method).to.equal("GET");
      expect(transport.requests[0]!.query).to.have.property("logging");
      expect(logging.loggingEnabled).to.deep.include({ TargetBucket: "audit", TargetPrefix: "logs/" });
    });
  });

  describe("BucketNotification", () => {
    it("put() sends PUT /<bucket>/?notification with the configuration", async () => {
      const { transport, s3, bodies } = stubbed({ statusCode: 200 });
      await s3
        .Bucket("photos")
        .Notification()
        .put({
          NotificationConfiguration: {
            TopicConfigurations: [
              {
                Id: "new",
                TopicArn: "arn:aws:sns:us-east-1:123456789012:uploads",
                Events: ["s3:ObjectCreated:*"],
              },
            ],
          },
        });
      const [request] = transport.requests;
      expect(request!.method).to.equal("PUT");
      expect(request!.path).to.equal("/photos/");
      expect(request!.query).to.have.property("notification");
      expect(bodies[0])
        .to.include("<Topic>arn:aws:sns:us-east-1:123456789012:uploads</Topic>")
        .and.include("<Event>s3:ObjectCreated:*</Event>");
    });

    it("load() reads the topic, queue and Lambda configurations", async () => {
      const { s3 } = stubbed({
        body:
          `<NotificationConfiguration ${XMLNS}>` +
          `<TopicConfiguration><Id>new</Id><Topic>arn:aws:sns:us-east-1:1:uploads</Topic><Event>s3:ObjectCreated:*</Event></TopicConfiguration>` +
          `<QueueConfiguration><Id>q</Id><Queue>arn:aws:sqs:us-east-1:1:jobs</Queue><Event>s3:ObjectRemoved:*</Event></QueueConfiguration>` +
          `</NotificationConfiguration>`,
      });
      const notification = await s3.Bucket("photos").Notification().load();
      expect(notification.topicConfigurations?.map((t) => t.TopicArn)).to.deep.equal([
        "arn:aws:sns:us-east-1:1:uploads",
      ]);
      expect(notification.queueConfigurations?.map((q) => q.Events)).to.deep.equal([["s3:ObjectRemoved:*"]]);
      expect(notification.lambdaFunctionConfigurations).to.equal(undefined);
    });
  });

  describe("Object.restoreObject()", () => {
    it("sends POST /<bucket>/<key>?restore with the RestoreRequest and returns the output", async () => {
      const { transport, s3, bodies } = stubbed({ statusCode: 202 });
      const obj = s3.Object("archive", "2019/report.csv");
      const out = await obj.restoreObject({
        RestoreRequest: { Days: 2, GlacierJobParameters: { Tier: "Bulk" } },
      });
      const [request] = transport.requests;
      expect(request!.method).to.equal("POST");
      expect(request!.path).to.equal("/archive/2019/report.csv");
      expect(request!.query).to.have.property("restore");
      expect(bodies[0]).to.include("<Days>2</Days>").and.include("<Tier>Bulk</Tier>");
      expect(out.$metadata.httpStatusCode).to.equal(202);
      expect(obj.meta.stale).to.equal(true);
    });

    it("is on ObjectSummary too, from the same spec", async () => {
      const { transport, s3 } = stubbed({ statusCode: 200 });
      await s3.ObjectSummary("archive", "k").restoreObject({ RestoreRequest: { Days: 1 } });
      expect(transport.requests[0]!.path).to.equal("/archive/k");
    });
  });
});
