#!/usr/bin/python3
"""boto3's side of bench/coldStart.bench.ts: one cold start in this fresh interpreter.

Usage: /usr/bin/python3 bench/boto3/cold_start.py client|resource

Times ``import boto3``, then ``boto3.session.Session().client('s3', endpoint_url=..., ...)`` or
``boto3.session.Session().resource('s3', endpoint_url=..., ...).Bucket('x')`` (no request is
sent), and prints one JSON line with the members of the Node child's (bench/coldStart.child.ts):
``start_ns`` and ``ready_ns`` on CLOCK_MONOTONIC (``time.monotonic_ns()``, the clock of Node's
``process.hrtime``, so the parent can subtract the time it spawned this process), and
``import_ms``/``create_ms`` from ``time.perf_counter()``.

Nothing but ``time`` is imported before the first timestamp; ``common`` (which imports boto3) is
imported after boto3, inside the creation time, for the same connection settings as the other
benchmarks.
"""
import time

START_NS = time.monotonic_ns()

import json  # noqa: E402 (after the first timestamp on purpose)
import sys  # noqa: E402


def run(variant):
    t0 = time.perf_counter()
    import boto3

    t1 = time.perf_counter()
    from common import connection

    settings = connection({})
    session = boto3.session.Session()
    if variant == "client":
        created = session.client("s3", **settings)
    else:
        created = session.resource("s3", **settings).Bucket("x")
    t2 = time.perf_counter()
    ready_ns = time.monotonic_ns()
    assert created is not None
    return {
        "start_ns": str(START_NS),
        "ready_ns": str(ready_ns),
        "import_ms": (t1 - t0) * 1e3,
        "create_ms": (t2 - t1) * 1e3,
        "boto3": boto3.__version__,
        "python": sys.version.split()[0],
    }


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("client", "resource"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    print(json.dumps(run(sys.argv[1])))
