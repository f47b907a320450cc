#!/usr/bin/python3
# botocore-parse.py: times botocore's own EC2 Query parser on a DescribeImages response file
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: botocore-parse.py FILE. Prints one line: images=N seconds=S cpu_seconds=S peak_rss_kb=K
# The file is read before the clock starts; the parse is what awscli and boto3 do with a
# response body: EC2QueryParser with the DescribeImages output shape of the bundled model.
import resource
import sys
import time

from botocore.loaders import Loader
from botocore.model import ServiceModel
from botocore.parsers import EC2QueryParser


def main():
    if len(sys.argv) != 2:
        print("usage: botocore-parse.py FILE", file=sys.stderr)
        return 2
    model = ServiceModel(Loader().load_service_model("ec2", "service-2"), "ec2")
    shape = model.operation_model("DescribeImages").output_shape
    with open(sys.argv[1], "rb") as f:
        body = f.read()
    response = {"body": body, "headers": {}, "status_code": 200}
    parser = EC2QueryParser()

    wall = time.perf_counter()
    cpu = time.process_time()
    parsed = parser.parse(response, shape)
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall

    if "Error" in parsed and parsed["Error"].get("Code"):
        print("botocore could not parse the file: %s" % parsed["Error"], file=sys.stderr)
        return 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("images=%d seconds=%.3f cpu_seconds=%.3f peak_rss_kb=%d"
          % (len(parsed["Images"]), wall, cpu, peak))
    return 0


if __name__ == "__main__":
    sys.exit(main())
