/**
 * The shared S3 behaviours, run against both servers the project tests with. Where the emulator
 * and Ceph RGW disagree, Ceph (a real S3 implementation) is the reference.
 */
import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import { useS3Server } from "../../support/s3Server.js";
import { defineSharedS3Suite } from "./defineSharedS3Suite.js";

defineSharedS3Suite(
  "ObjectScale emulator",
  async () => {
    const emu = await ObjectScaleEmulator.start();
    return {
      endpoint: emu.endpoint,
      region: emu.region,
      credentials: { ...emu.credentials },
      forcePathStyle: true,
      stop: () => emu.stop(),
    };
  },
  { knownDeviations: {} },
);

defineSharedS3Suite(
  "Ceph RGW",
  async () => {
    const env = await useS3Server();
    return {
      endpoint: env.endpoint,
      region: env.region,
      credentials: { ...env.credentials },
      forcePathStyle: env.forcePathStyle,
    };
  },
  {
    // Where Ceph RGW 16 itself departs from S3 (the emulator follows S3 there).
    knownDeviations: {
      "returns the copy's ETag, quoted, in CopyObjectResult": "the ETag comes without quotes",
      "returns the object's ETag from CompleteMultipartUpload":
        "CompleteMultipartUploadResult has an empty <ETag/>",
      "answers ListParts of an aborted upload with NoSuchUpload": "answers NoSuchKey",
      "refuses to complete with parts out of order (InvalidPartOrder)": "completes the upload",
      "keeps underscores in user metadata names": 'returns "cost-center"',
      "refuses a copy whose CopySourceIfMatch fails with PreconditionFailed (412)": "copies anyway (200)",
    },
  },
);
