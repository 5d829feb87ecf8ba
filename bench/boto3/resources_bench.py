#!/usr/bin/python3
"""boto3's side of bench/resources.bench.ts: the same resource-layer operations, timed in Python.

Usage (one JSON argument, one JSON object printed on stdout):

    /usr/bin/python3 bench/boto3/resources_bench.py '{"bench": "create", "endpoint": "http://127.0.0.1:7480",
        "region": "us-east-1", "access_key": "...", "secret_key": "..."}'

Benchmarks ("bench"):

* ``create``: ns per ``s3.Bucket(name)`` and per ``bucket.Object(key)`` with ``timeit``, after a
  warm-up (no request is made). Options: ``number`` (calls per repeat, default 2000), ``repeat``
  (default 7). Prints ``{"bucket_ns": [...], "object_ns": [...]}``, one value per repeat.
* ``iterate``: one pass of ``for o in bucket.objects.all()`` (``page_size`` when given) over
  ``bucket``. Prints ``{"count", "seconds", "rss_before", "rss_peak_delta", "pages"}``;
  RSS is sampled from /proc/self/statm once per 1,000 items and at the end.
* ``delete``: ``bucket.objects.filter(Prefix=prefix).delete()``. Prints ``{"seconds", "deleted",
  "errors", "requests"}``.

Only the timed section is measured: interpreter start-up, ``import boto3`` and the creation of the
session and the resource are not. Debian's python3-boto3 (1.26) ignores AWS_ENDPOINT_URL, hence
the explicit ``endpoint_url``; run it with /usr/bin/python3, not a pyenv shim.
"""
import os
import sys
import time
import timeit

import boto3
from common import connection, main

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def make_resource(cmd):
    return boto3.session.Session().resource("s3", **connection(cmd))


def bench_create(cmd):
    s3 = make_resource(cmd)
    number = int(cmd.get("number", 2000))
    repeat = int(cmd.get("repeat", 7))
    name = cmd.get("bucket", "bench-bucket")
    bucket = s3.Bucket(name)
    # warm-up: the first calls load the resource model and fill botocore's caches
    for _ in range(200):
        s3.Bucket(name)
        bucket.Object("some/key.txt")
    g = {"s3": s3, "bucket": bucket, "name": name}
    bucket_s = timeit.repeat("s3.Bucket(name)", globals=g, number=number, repeat=repeat)
    object_s = timeit.repeat("bucket.Object('some/key.txt')", globals=g, number=number, repeat=repeat)
    same_class = type(s3.Bucket("a")) is type(s3.Bucket("b"))
    return {
        "bucket_ns": [s / number * 1e9 for s in bucket_s],
        "object_ns": [s / number * 1e9 for s in object_s],
        "number": number,
        "repeat": repeat,
        "same_class": same_class,
    }


def bench_iterate(cmd):
    s3 = make_resource(cmd)
    bucket = s3.Bucket(cmd["bucket"])
    collection = bucket.objects.all()
    if cmd.get("page_size"):
        collection = collection.page_size(int(cmd["page_size"]))
    before = rss()
    peak = before
    count = 0
    t0 = time.perf_counter()
    for _ in collection:
        count += 1
        if count % 1000 == 0:
            now = rss()
            if now > peak:
                peak = now
    seconds = time.perf_counter() - t0
    peak = max(peak, rss())
    return {"count": count, "seconds": seconds, "rss_before": before, "rss_peak_delta": peak - before}


def bench_delete(cmd):
    s3 = make_resource(cmd)
    bucket = s3.Bucket(cmd["bucket"])
    t0 = time.perf_counter()
    responses = bucket.objects.filter(Prefix=cmd["prefix"]).delete()
    seconds = time.perf_counter() - t0
    deleted = sum(len(r.get("Deleted", [])) for r in responses)
    errors = sum(len(r.get("Errors", [])) for r in responses)
    return {"seconds": seconds, "deleted": deleted, "errors": errors, "requests": len(responses)}


BENCHES = {"create": bench_create, "iterate": bench_iterate, "delete": bench_delete}


if __name__ == "__main__":
    sys.exit(main(BENCHES, __doc__))
