#!/bin/bash
# test.sh: installs what is missing, builds Amiable and runs the whole test suite headless:
# the normal build, an ASan+UBSan build, and a bounded run of every libFuzzer harness.
# Ends with a line "N passed, N failed, N skipped" and exits non-zero on any failure. A test
# that skips counts as a failure unless build-aux/count-results.py allows that skip (with why).
#   --quick          only the normal build's tests
#   FUZZ_SECONDS=N   how long each fuzzer runs (default 10; at least 13 harnesses)
# Copyright 2026 The Amiable authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"
quick=0
[ "${1:-}" = "--quick" ] && quick=1

passed=0
failed=0
skipped=0
failures=()

finish () {
  phase "Done"
  echo
  for f in "${failures[@]}"; do
    echo "FAILED: $f"
  done
  echo "$passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ]
  exit
}

if ! build-aux/deps.sh --tests; then
  failed=$((failed + 1)); failures+=("installing the Debian packages failed (see above)")
  finish
fi

# Tests never see the user's settings, caches, keyring or AWS files.
scratch="$(mktemp -d /tmp/amiable-test.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_CACHE_HOME="$scratch/cache" XDG_DATA_HOME="$scratch/data"
export XDG_CONFIG_HOME="$scratch/config" XDG_RUNTIME_DIR="$scratch/runtime"
mkdir -p "$HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export GTK_A11Y=none
# No GL for the UI tests, whatever the machine's GL stack (see tests/meson.build).
export GDK_DEBUG=gl-disable
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_REGION \
      AWS_DEFAULT_REGION AWS_ENDPOINT_URL AWS_ENDPOINT_URL_EC2 DISPLAY WAYLAND_DISPLAY

count_results () {
  # $1: build dir, $2: label
  local log="$1/meson-logs/testlog.json"
  if [ ! -f "$log" ]; then
    failed=$((failed + 1)); failures+=("$2: no test log (the test run did not start)")
    return
  fi
  local counts
  counts=$(/usr/bin/python3 "$top/build-aux/count-results.py" "$log" "$2" "$top")
  local first
  first=($(head -n1 <<<"$counts"))
  passed=$((passed + first[0]))
  failed=$((failed + first[1]))
  skipped=$((skipped + first[2]))
  while IFS= read -r line; do
    [ -n "$line" ] && failures+=("$line")
  done < <(tail -n +2 <<<"$counts")
}

run_meson_tests () {
  # $1: build dir, $2: label, rest: extra meson test args
  local dir="$1" label="$2"
  shift 2
  rm -f "$dir/meson-logs/testlog.json"
  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
    "$top/build-aux/test-session.sh" -C "$dir" --no-rebuild --print-errorlogs \
    --num-processes 2 --no-suite bench "$@"
  count_results "$dir" "$label"
}

build () {
  # $1: build dir, rest: meson setup options. With only_fuzzers=1, builds only the libFuzzer
  # harnesses (and what they link): the app, its UI and the other tests are built in _build.
  local dir="$1" targets=()
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@" >"$scratch/setup.log" 2>&1 || { cat "$scratch/setup.log"; return 1; }
  fi
  if [ "${only_fuzzers:-0}" = 1 ]; then
    mapfile -t targets < <(ninja -C "$dir" -t targets all | sed -n 's|^\(tests/fuzz/[^:]*/fuzz-[^:/.]*\): c_LINKER.*|\1|p')
    [ "${#targets[@]}" -gt 0 ] || { echo "no fuzz harnesses among $dir's targets"; return 1; }
  fi
  ninja -C "$dir" -j 2 "${targets[@]}" >"$scratch/build.log" 2>&1 || { tail -n 60 "$scratch/build.log"; return 1; }
}

started=$(date +%s)
phase () {
  echo "== $1 ($(( $(date +%s) - started )) s since the start)"
}

phase "Building and testing (_build)"
if build _build; then
  run_meson_tests _build "tests"
else
  failed=$((failed + 1)); failures+=("build of _build failed")
fi

if [ $quick -eq 0 ]; then
  phase "ASan + UBSan build and tests (_build-asan)"
  if build _build-asan -Db_sanitize=address,undefined -Dbuildtype=debug; then
    export LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0" \
      run_meson_tests _build-asan "asan" --timeout-multiplier 4 --no-suite ui
    # GTK programs create more than 2048 quarks, and GLib then drops (on purpose) the quark
    # table it allocated while loading: tests/ui/am-ui-test.c tells LeakSanitizer so. Stacks
    # unwind fast (full stacks on every malloc made these tests five times slower), so a leak
    # report may stop at g_malloc; run the test again with fast_unwind_on_malloc=0 to see whole
    # stacks.
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0" \
      run_meson_tests _build-asan "asan" --timeout-multiplier 6 --suite ui
    unset LSAN_OPTIONS UBSAN_OPTIONS
  else
    failed=$((failed + 1)); failures+=("build of _build-asan failed")
  fi

  phase "Fuzzing (_build-fuzz, ${FUZZ_SECONDS:-10} s per harness)"
  if CC=clang only_fuzzers=1 build _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
       -Dbuildtype=debugoptimized; then
    while IFS= read -r fuzzer; do
      name="$(basename "$fuzzer")"
      area="$(basename "$(dirname "$fuzzer")")"
      seeds="$top/tests/fuzz/$area/corpus/$name"
      corpus="$scratch/corpus-$name"
      mkdir -p "$corpus"
      [ -d "$seeds" ] && cp -r "$seeds/." "$corpus/"
      echo "-- $name"
      if ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" \
         LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp" \
         UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
         "$fuzzer" -max_total_time="${FUZZ_SECONDS:-10}" -timeout=20 -rss_limit_mb=2048 \
           -print_final_stats=1 -artifact_prefix="$scratch/$name-" "$corpus" \
           >"$scratch/$name.log" 2>&1; then
        passed=$((passed + 1))
        grep -E 'stat::number_of_executed_units|Done [0-9]+ runs' "$scratch/$name.log" | tail -n 1
      else
        failed=$((failed + 1)); failures+=("fuzz: $name found a crash")
        tail -n 40 "$scratch/$name.log"
        mkdir -p "$top/_build-fuzz/crashes" && cp "$scratch/$name-"* "$top/_build-fuzz/crashes/" 2>/dev/null || true
      fi
    done < <(find _build-fuzz/tests/fuzz -type f -name 'fuzz-*' -perm -u+x | sort)
    n_fuzzers=$(find _build-fuzz/tests/fuzz -type f -name 'fuzz-*' -perm -u+x | wc -l)
    if [ "$n_fuzzers" -lt 13 ]; then
      failed=$((failed + 1)); failures+=("fuzz: only $n_fuzzers harnesses were built (13 expected)")
    fi
  else
    failed=$((failed + 1)); failures+=("build of _build-fuzz failed")
  fi
fi

finish
