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
import sys
import time

import boto3
from common import connection, main
from boto3.s3.transfer import TransferConfig


def make_client(cmd):
    return boto3.session.Session().client("s3", **connection(cmd))


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


if __name__ == "__main__":
    sys.exit(main(BENCHES, __doc__))
