import {
  CreateBucketCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
  type ListObjectsV2CommandInput,
} from "@aws-sdk/client-s3";
import { expect } from "chai";

import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import { rawRequest, textsOf } from "./harness.js";

const KEYS = ["a.txt", "b/1.txt", "b/2.txt", "b/c/3.txt", "c/4.txt", "d.txt", "e/5.txt", "e/6.txt", "f.txt"];

describe("emulator: listing", function () {
  let emu: ObjectScaleEmulator;
  let s3: S3Client;

  before(async function () {
    emu = await ObjectScaleEmulator.start();
    s3 = new S3Client(emu.clientConfig());
    await s3.send(new CreateBucketCommand({ Bucket: "listing" }));
    for (const key of KEYS) await s3.send(new PutObjectCommand({ Bucket: "listing", Key: key, Body: key }));
  });
  after(async function () {
    s3.destroy();
    await emu.stop();
  });

  async function pagesV2(input: Omit<ListObjectsV2CommandInput, "Bucket">): Promise<string[][]> {
    const pages: string[][] = [];
    for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: "listing", ...input })) {
      pages.push([
        ...(page.Contents ?? []).map((c) => c.Key ?? ""),
        ...(page.CommonPrefixes ?? []).map((p) => `${p.Prefix}*`),
      ]);
      expect(page.KeyCount).to.equal(pages[pages.length - 1]?.length);
    }
    return pages;
  }

  describe("ListObjectsV2", function () {
    it("lists every key in order", async function () {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: "listing" }));
      expect(page.Contents?.map((c) => c.Key)).to.deep.equal(KEYS);
      expect(page.KeyCount).to.equal(KEYS.length);
      expect(page.IsTruncated).to.equal(false);
      expect(page.Contents?.[0]).to.include({ Size: 5, StorageClass: "STANDARD" });
    });

    it("groups by delimiter into CommonPrefixes", async function () {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: "listing", Delimiter: "/" }));
      expect(page.Contents?.map((c) => c.Key)).to.deep.equal(["a.txt", "d.txt", "f.txt"]);
      expect(page.CommonPrefixes?.map((p) => p.Prefix)).to.deep.equal(["b/", "c/", "e/"]);
      expect(page.KeyCount).to.equal(6);
      const inB = await s3.send(
        new ListObjectsV2Command({ Bucket: "listing", Prefix: "b/", Delimiter: "/" }),
      );
      expect(inB.Contents?.map((c) => c.Key)).to.deep.equal(["b/1.txt", "b/2.txt"]);
      expect(inB.CommonPrefixes?.map((p) => p.Prefix)).to.deep.equal(["b/c/"]);
    });

    it("pages with continuation tokens, counting a common prefix as one entry", async function () {
      expect(await pagesV2({ Delimiter: "/", MaxKeys: 2 })).to.deep.equal([
        ["a.txt", "b/*"],
        ["d.txt", "c/*"],
        ["f.txt", "e/*"],
      ]);
      expect((await pagesV2({ MaxKeys: 4 })).flat()).to.deep.equal(KEYS);
    });

    it("starts after StartAfter, and honours MaxKeys 0", async function () {
      const after = await s3.send(new ListObjectsV2Command({ Bucket: "listing", StartAfter: "c/4.txt" }));
      expect(after.Contents?.map((c) => c.Key)).to.deep.equal(["d.txt", "e/5.txt", "e/6.txt", "f.txt"]);
      const none = await s3.send(new ListObjectsV2Command({ Bucket: "listing", MaxKeys: 0 }));
      expect(none.KeyCount).to.equal(0);
      // As Ceph answers (and Ceph's s3-tests expect): nothing was asked for, so nothing is left out.
      expect(none.IsTruncated).to.equal(false);
      expect(none.NextContinuationToken).to.equal(undefined);
    });

    it("URL-encodes keys with encoding-type=url", async function () {
      await s3.send(new CreateBucketCommand({ Bucket: "encoded" }));
      await s3.send(new PutObjectCommand({ Bucket: "encoded", Key: "z/sp ace&amp.txt", Body: "x" }));
      const raw = await rawRequest(emu, {
        method: "GET",
        path: "/encoded",
        query: { "list-type": "2", "encoding-type": "url" },
      });
      expect(textsOf(raw.xml(), "Key")).to.deep.equal(["z/sp%20ace%26amp.txt"]);
      expect(textsOf(raw.xml(), "EncodingType")).to.deep.equal(["url"]);
    });
  });

  describe("ListObjects (v1)", function () {
    it("pages with Marker and NextMarker", async function () {
      const seen: string[] = [];
      let marker: string | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await s3.send(
          new ListObjectsCommand({ Bucket: "listing", Prefix: "b/", MaxKeys: 2, Marker: marker }),
        );
        seen.push(...(page.Contents ?? []).map((c) => c.Key ?? ""));
        if (!page.IsTruncated) break;
        expect(page.NextMarker).to.equal(seen[seen.length - 1]);
        marker = page.NextMarker;
      }
      expect(seen).to.deep.equal(["b/1.txt", "b/2.txt", "b/c/3.txt"]);
    });

    it("does not repeat a common prefix given as the marker", async function () {
      const page = await s3.send(new ListObjectsCommand({ Bucket: "listing", Delimiter: "/", Marker: "b/" }));
      expect(page.CommonPrefixes?.map((p) => p.Prefix)).to.deep.equal(["c/", "e/"]);
      expect(page.Contents?.map((c) => c.Key)).to.deep.equal(["d.txt", "f.txt"]);
      expect(page.Contents?.[0]?.Owner?.ID).to.equal(emu.credentials.accessKeyId);
    });
  });
});
