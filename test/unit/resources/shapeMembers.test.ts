import { expect } from "chai";
import {
  CopyObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { numericInputMembers, shapeMembers } from "../../../lib/resources/shapeMembers.js";

describe("shapeMembers()", () => {
  it("lists the members of an operation's output, in the SDK's spelling", () => {
    const members = shapeMembers(HeadObjectCommand);
    expect(members).to.include.members(["ContentLength", "ETag", "LastModified", "Metadata", "VersionId"]);
    expect(members).not.to.include("Bucket"); // an input member
  });

  it("lists the members of the structures of a list at a path, with or without []", () => {
    const contents = shapeMembers(ListObjectsV2Command, "Contents");
    expect(contents).to.include.members(["Key", "Size", "ETag", "StorageClass", "LastModified"]);
    expect(contents).not.to.include("IsTruncated");
    expect(shapeMembers(ListObjectsV2Command, "Contents[]")).to.deep.equal(contents);
    expect(shapeMembers(ListBucketsCommand, "Buckets")).to.include.members(["Name", "CreationDate"]);
  });

  it("merges alternatives separated by |, first occurrence first", () => {
    const versions = shapeMembers(ListObjectVersionsCommand, "Versions")!;
    expect(shapeMembers(ListObjectVersionsCommand, "Versions|DeleteMarkers")).to.deep.equal(versions);
    expect(shapeMembers(ListObjectVersionsCommand, "Versions|CommonPrefixes")).to.deep.equal([
      ...versions,
      "Prefix",
    ]);
  });

  it("follows a nested structure member", () => {
    expect(shapeMembers(CopyObjectCommand, "CopyObjectResult")).to.include.members(["ETag", "LastModified"]);
  });

  it("returns undefined for a path that leads to no structure", () => {
    expect(shapeMembers(ListObjectsV2Command, "NoSuchMember")).to.equal(undefined);
    expect(shapeMembers(ListObjectsV2Command, "KeyCount")).to.equal(undefined);
  });

  it("returns undefined for a command without a static schema", () => {
    class PluginCommand {
      constructor(readonly input: object) {}
    }
    expect(shapeMembers(PluginCommand)).to.equal(undefined);
  });

  describe("numericInputMembers()", () => {
    it("lists the top-level input members that are numbers", () => {
      const numeric = numericInputMembers(UploadPartCommand);
      expect([...numeric].sort()).to.deep.equal(["ContentLength", "PartNumber"]);
      expect(numericInputMembers(ListObjectsV2Command).has("MaxKeys")).to.equal(true);
      expect(numericInputMembers(ListObjectsV2Command).has("Prefix")).to.equal(false);
    });
  });
});
