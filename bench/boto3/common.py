"""What the boto3 sides of the benchmarks share: the connection settings and the command line.

Each benchmark script takes one JSON argument (the benchmark's name under "bench", the server's
"endpoint", "region", "access_key", "secret_key", and its own members) and prints one JSON object.
Debian's python3-boto3 (1.26) ignores AWS_ENDPOINT_URL, hence the explicit endpoint.
"""
import json
import sys

import boto3
from botocore.config import Config


def connection(cmd):
    """Keyword arguments for ``session.client("s3", ...)`` or ``session.resource("s3", ...)``."""
    return {
        "endpoint_url": cmd.get("endpoint", "http://127.0.0.1:7480"),
        "region_name": cmd.get("region", "us-east-1"),
        "aws_access_key_id": cmd.get("access_key", "bench"),
        "aws_secret_access_key": cmd.get("secret_key", "bench"),
        "config": Config(s3={"addressing_style": "path"}, retries={"max_attempts": 3, "mode": "standard"}),
    }


def main(benches, usage):
    """Runs the benchmark named in the JSON argument and prints its result with the versions."""
    if len(sys.argv) != 2:
        print(usage, file=sys.stderr)
        return 2
    cmd = json.loads(sys.argv[1])
    run = benches.get(cmd.get("bench"))
    if run is None:
        print(f"unknown bench {cmd.get('bench')!r}; expected one of {sorted(benches)}", file=sys.stderr)
        return 2
    result = run(cmd)
    result["boto3"] = boto3.__version__
    result["python"] = sys.version.split()[0]
    json.dump(result, sys.stdout)
    print()
    return 0
