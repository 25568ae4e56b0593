#!/usr/bin/env bash
# tests/fuzz/run.sh SECONDS [TARGET...] - build the libFuzzer targets with clang
# (ASan + UBSan) in build-fuzz/ and run each TARGET (default: all of them) for SECONDS,
# starting from its seed corpus tests/fuzz/corpus/TARGET/. The corpus is copied to a
# temporary directory, so a run never writes into the repository. Fails if any target
# finds a crash, a leak, a timeout or runs out of memory; the input that did it is kept
# in build-fuzz/crashes/TARGET/ and named in the output.
#
# Environment: FUZZ_JOBS=N runs N targets at once (default 1); FUZZ_BUILD=DIR another
# build directory; FUZZ_KEEP=DIR keeps each run's corpus and log in DIR/TARGET/;
# CC a clang other than "clang". Extra libFuzzer flags: FUZZ_FLAGS="-max_len=...".
set -euo pipefail

if [ $# -lt 1 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
    echo "usage: $0 SECONDS [proto|vt|keys|cmd|format|snapshot|keeper|upfile ...]" >&2
    exit 2
fi
seconds=$1
shift
all=(proto vt keys cmd format snapshot keeper upfile)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
jobs=${FUZZ_JOBS:-1}
cc=${CC:-clang}
case "$(basename "$cc")" in
    clang*) ;;
    *) cc=clang ;;
esac

for t in "${targets[@]}"; do
    if [ ! -f "$here/${t}_fuzz.c" ]; then
        echo "run.sh: no target $t (have: ${all[*]})" >&2
        exit 2
    fi
done

# RelWithDebInfo's optimisation without its -DNDEBUG: the code's assertions (such as
# history.c's check of every plain line it stores) are checked on every input.
cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER="$cc" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -g" -DTMX_FUZZ=ON -DTMX_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target fuzzers

work=$(mktemp -d "${TMPDIR:-/tmp}/tmx-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Run one target; its log is $work/$t/log, its status $work/$t/status.
run_one() {
    local t=$1 dir=$work/$1
    mkdir -p "$dir/corpus" "$dir/artifacts"
    cp -r "$here/corpus/$t/." "$dir/corpus/"
    local dict=()
    [ -f "$here/$t.dict" ] && dict=("-dict=$here/$t.dict")
    local status=0
    # -timeout: one input taking this long is a bug (a hang); -rss_limit_mb: memory.
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
        "$build/tests/fuzz/${t}_fuzz" "$dir/corpus" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$dir/artifacts/" ${FUZZ_FLAGS:-} >"$dir/log" 2>&1 || status=$?
    echo "$status" >"$dir/status"
}

summary() {
    local t=$1 dir=$work/$1
    local status
    status=$(cat "$dir/status")
    # libFuzzer's last status line and final stats.
    local last execs
    last=$(grep -E '^#[0-9]+' "$dir/log" | tail -1 || true)
    execs=$(grep -E '^stat::number_of_executed_units' "$dir/log" | awk '{print $2}' || true)
    echo "== $t: exit $status, ${execs:-?} executions; $last"
    if [ -n "${FUZZ_KEEP:-}" ]; then
        mkdir -p "$FUZZ_KEEP/$t"
        cp "$dir/log" "$FUZZ_KEEP/$t/log"
        rm -rf "$FUZZ_KEEP/$t/corpus"
        cp -r "$dir/corpus" "$FUZZ_KEEP/$t/corpus"
    fi
    if [ "$status" != 0 ]; then
        mkdir -p "$build/crashes/$t"
        cp "$dir"/artifacts/* "$build/crashes/$t/" 2>/dev/null || true
        echo "-- $t FAILED; the end of its log:"
        tail -60 "$dir/log"
        echo "-- inputs kept in $build/crashes/$t/:"
        ls "$build/crashes/$t/" 2>/dev/null || true
        return 1
    fi
}

running=0
for t in "${targets[@]}"; do
    if [ "$jobs" -le 1 ]; then
        run_one "$t"
    else
        run_one "$t" &
        running=$((running + 1))
        if [ "$running" -ge "$jobs" ]; then
            wait -n || true
            running=$((running - 1))
        fi
    fi
done
wait

failed=0
for t in "${targets[@]}"; do
    summary "$t" || failed=1
done
exit $failed
