#!/usr/bin/env bash
# tests/valgrind/run.sh [TEST...] - the end-to-end smoke tests with every tmx process
# (clients and the server they fork) under valgrind's memcheck: invalid reads/writes,
# uses of uninitialised memory and definite leaks fail the run. Builds a plain Debug
# tree in build-valgrind/ (valgrind cannot run sanitizer builds). Default tests:
# e2e_test_sessions and e2e_test_attach (start, attach, detach, reattach, resize, kill).
# Pane programs (the shells tmx execs) are not traced: they are not ours.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${VALGRIND_BUILD:-$root/build-valgrind}
tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(e2e_test_sessions e2e_test_attach)

command -v valgrind >/dev/null || { echo "run.sh: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$build" -j"$(nproc)" --target tmx "${tests[@]}"

logs=$(mktemp -d "${TMPDIR:-/tmp}/tmx-valgrind.XXXXXX")
trap 'rm -rf "$logs"' EXIT
wrapper=$logs/tmx
cat >"$wrapper" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=97 --leak-check=full --errors-for-leak-kinds=definite \\
    --show-leak-kinds=definite --track-origins=yes --log-file="$logs/vg.%p" "$build/tmx" "\$@"
WRAP
chmod +x "$wrapper"

status=0
for t in "${tests[@]}"; do
    # E2E_VALGRIND: tests that need what valgrind cannot do say so and check the rest.
    E2E_VALGRIND=1 TMX_BIN=$wrapper "$build/$t" || status=1
done

# Every process's report: with -q valgrind writes only errors and definite leaks, so a
# report that is not empty fails the run, except for valgrind's own note that it does not
# know glibc's TIOCGPTPEER ioctl (0x5441, used by forkpty), which is not an error.
known='unhandled ioctl 0x5441|This could cause spurious value errors|README_MISSING_SYSCALL_OR_IOCTL|^==[0-9]+== *$'

reports=0
errors=0
for f in "$logs"/vg.*; do
    [ -e "$f" ] || continue
    reports=$((reports + 1))
    if grep -vqE "$known" "$f"; then
        errors=$((errors + 1))
        echo "== valgrind report $f:"
        cat "$f"
    fi
done
echo "valgrind: ${#tests[@]} test programs, $reports tmx processes checked, $errors with errors"
[ "$errors" -eq 0 ] || status=1
exit $status
