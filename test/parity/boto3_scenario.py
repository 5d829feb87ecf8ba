"""The parity scenario through boto3's resource layer.

Run by test/integration/resources/parity.test.ts, which runs the same scenario through this
project's resource layer (test/parity/resourceScenario.ts) against the same bucket and compares
the two JSON documents. Needs Debian's python3-boto3 (1.26; `bash scripts/ceph-rgw.sh install`
installs it) and /usr/bin/python3.

Environment: AWS_ENDPOINT_URL (boto3 1.26 does not read it itself: passed as endpoint_url),
AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, PARITY_BUCKET (a versioned bucket holding
the shared objects under "shared/"), PARITY_PREFIX (where this side writes, such as "py/").
Prints one JSON document on stdout.
"""
import json
import os
from datetime import timezone

import boto3
from botocore.config import Config


def iso(value):
    """Dates as the JavaScript side prints them: UTC, milliseconds, "Z"."""
    if value is None:
        return None
    return value.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def main():
    bucket_name = os.environ["PARITY_BUCKET"]
    prefix = os.environ["PARITY_PREFIX"]
    s3 = boto3.resource(
        "s3",
        endpoint_url=os.environ["AWS_ENDPOINT_URL"],
        region_name=os.environ.get("AWS_REGION", "us-east-1"),
        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
    )
    bucket = s3.Bucket(bucket_name)
    result = {}

    # Keys with a prefix and a delimiter. boto3's collections do not expose CommonPrefixes
    # (boto3 issues #134, #3412): they come from the client.
    result["listing"] = {
        "keys": [o.key for o in bucket.objects.filter(Prefix="shared/", Delimiter="/")],
        "commonPrefixes": [
            p["Prefix"]
            for p in s3.meta.client.list_objects(Bucket=bucket_name, Prefix="shared/", Delimiter="/").get(
                "CommonPrefixes", []
            )
        ],
        "docs": [o.key for o in bucket.objects.filter(Prefix="shared/docs/")],
    }
    result["summaries"] = [
        {
            "key": o.key,
            "size": o.size,
            "eTag": o.e_tag,
            "lastModified": iso(o.last_modified),
            "storageClass": o.storage_class,
        }
        for o in bucket.objects.filter(Prefix="shared/docs/")
    ]

    obj = s3.Object(bucket_name, "shared/docs/a.txt")
    obj.load()
    result["object"] = {
        "contentLength": obj.content_length,
        "eTag": obj.e_tag,
        "contentType": obj.content_type,
        "metadata": obj.metadata,
        "lastModified": iso(obj.last_modified),
        "versionId": obj.version_id,
    }
    summary = s3.ObjectSummary(bucket_name, "shared/docs/b.txt")
    summary.load()
    result["summaryLoad"] = {"size": summary.size, "eTag": summary.e_tag}

    result["bucket"] = {
        "creationDate": iso(bucket.creation_date),
        "listed": any(b.name == bucket_name for b in s3.buckets.all()),
    }

    versions = list(bucket.object_versions.filter(Prefix="shared/v.txt"))
    result["versions"] = [
        {"key": v.object_key, "id": v.id, "isLatest": v.is_latest, "size": v.size, "eTag": v.e_tag}
        for v in versions
    ]
    oldest = [v for v in versions if v.size is not None][-1]
    result["versionGet"] = {
        "body": oldest.get()["Body"].read().decode(),
        "headLength": oldest.head()["ContentLength"],
    }

    copy = s3.Object(bucket_name, prefix + "copy.txt")
    copied = copy.copy_from(CopySource={"Bucket": bucket_name, "Key": "shared/docs/a.txt"})
    copy.load()
    result["copy"] = {
        "eTag": copied["CopyObjectResult"]["ETag"],
        "contentLength": copy.content_length,
        "loadedETag": copy.e_tag,
        "metadata": copy.metadata,
        "contentType": copy.content_type,
    }

    for i in range(5):
        bucket.put_object(Key=f"{prefix}batch/{i}", Body=b"x")
    deleted = bucket.objects.filter(Prefix=prefix + "batch/").page_size(2).delete()
    version_deletes = bucket.object_versions.filter(Prefix=prefix + "batch/").delete()
    result["batchDelete"] = {
        "deleted": sorted(
            [d["Key"], d.get("DeleteMarker", False)] for response in deleted for d in response.get("Deleted", [])
        ),
        "errors": [e for response in deleted for e in response.get("Errors", [])],
        "versionsDeleted": sorted(d["Key"] for r in version_deletes for d in r.get("Deleted", [])),
        "left": [v.id for v in bucket.object_versions.filter(Prefix=prefix + "batch/")],
    }
    result["requests"] = {"objectsDelete": len(deleted), "versionsDelete": len(version_deletes)}

    bucket.object_versions.filter(Prefix=prefix).delete()
    print(json.dumps(result, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
