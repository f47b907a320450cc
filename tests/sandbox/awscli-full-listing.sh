#!/bin/sh
# awscli-full-listing.sh: times a full `aws ec2 describe-images --owners amazon` against a sandbox
# with 100k synthetic public images (run by hand; the result goes into src/sandbox/README.md).
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/sandbox/awscli-full-listing.sh BUILD_DIR [PUBLIC_IMAGES]
set -eu
build=${1:?usage: $0 BUILD_DIR [PUBLIC_IMAGES]}
images=${2:-100000}
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
"$build/src/sandbox/amiable-sandbox" --data-dir "$tmp/data" --public-images "$images" > "$tmp/out" &
pid=$!
while [ ! -s "$tmp/out" ]; do sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$tmp/out")
export HOME="$tmp" AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER= \
  AWS_ACCESS_KEY_ID=AKIAIOSFODNN7SANDBOX AWS_SECRET_ACCESS_KEY=sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY \
  AWS_DEFAULT_REGION=us-east-1
for page_size in 1000 none; do
  if [ "$page_size" = none ]; then set -- ; else set -- --page-size "$page_size"; fi
  start=$(date +%s.%N)
  count=$(/usr/bin/aws --endpoint-url "$url" ec2 describe-images --owners amazon "$@" --output json |
          /usr/bin/python3 -c 'import json, sys; print(len(json.load(sys.stdin)["Images"]))')
  end=$(date +%s.%N)
  echo "awscli page-size=$page_size images=$count seconds=$(echo "$end - $start" | bc)"
done
