#!/usr/bin/python3
"""boto3's side of bench/transfer.bench.ts: one managed transfer, timed in Python.

Usage (one JSON argument, one JSON object printed on stdout):

    /usr/bin/python3 bench/boto3/transfer_bench.py '{"bench": "upload", "endpoint": "http://127.0.0.1:7480",
        "region": "us-east-1", "access_key": "...", "secret_key": "...",
        "bucket": "b", "key": "k", "path": "/tmp/file"}'

Benchmarks ("bench"):

* ``upload``: ``client.upload_file(path, bucket, key)``.
* ``download``: ``client.download_file(bucket, key, path)``.

Both use boto3's default ``TransferConfig`` (multipart at 8 MiB, 8 MiB parts, 10 threads) and print
``{"seconds", "config"}``. Only the transfer is timed: interpreter start-up, ``import boto3`` and
the creation of the client are not. Debian's python3-boto3 (1.26) ignores AWS_ENDPOINT_URL, hence
the explicit ``endpoint_url``; run it with /usr/bin/python3, not a pyenv shim.
"""
import json
import sys
import time

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config


def make_client(cmd):
    session = boto3.session.Session()
    return session.client(
        "s3",
        endpoint_url=cmd.get("endpoint", "http://127.0.0.1:7480"),
        region_name=cmd.get("region", "us-east-1"),
        aws_access_key_id=cmd.get("access_key", "bench"),
        aws_secret_access_key=cmd.get("secret_key", "bench"),
        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 3, "mode": "standard"}),
    )


def describe(config):
    return {
        "multipart_threshold": config.multipart_threshold,
        "multipart_chunksize": config.multipart_chunksize,
        "max_concurrency": config.max_concurrency,
    }


def bench_upload(cmd):
    client = make_client(cmd)
    config = TransferConfig()
    t0 = time.perf_counter()
    client.upload_file(cmd["path"], cmd["bucket"], cmd["key"], Config=config)
    return {"seconds": time.perf_counter() - t0, "config": describe(config)}


def bench_download(cmd):
    client = make_client(cmd)
    config = TransferConfig()
    t0 = time.perf_counter()
    client.download_file(cmd["bucket"], cmd["key"], cmd["path"], Config=config)
    return {"seconds": time.perf_counter() - t0, "config": describe(config)}


BENCHES = {"upload": bench_upload, "download": bench_download}


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd = json.loads(sys.argv[1])
    run = BENCHES.get(cmd.get("bench"))
    if run is None:
        print(f"unknown bench {cmd.get('bench')!r}; expected one of {sorted(BENCHES)}", file=sys.stderr)
        return 2
    result = run(cmd)
    result["boto3"] = boto3.__version__
    result["python"] = sys.version.split()[0]
    json.dump(result, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
