#!/usr/bin/env python3
"""Differential tests: every case of tests/compat/cases/ runs once against the real tmux
and once against tmx, each time with a private HOME, socket directory and scratch
directory; what they print and how they exit must be the same.

A case is a POSIX shell script that drives $TMUX_BIN (and may use the helpers of
tests/compat/lib.sh, sourced through $COMPAT_LIB). Compared, after the private directory
is replaced by $TMP in both:
  - stdout, byte for byte;
  - the exit status;
  - stderr line by line: each line tmux prints must appear inside tmx's line (tmx may
    put "tmx: " before tmux's text and a hint after it; see docs/tmux-compat.md).
A case whose difference is kept on purpose is listed in tests/compat/INTENDED as
"case-name: reason"; a listed case that no longer differs is a failure too, so the
list can only say what is true. tests/compat/GAPS lists, the same way, the cases tmx does
not pass yet (work in progress: each is a bug with its reason); they are reported, and
a listed case that passes is a failure until it is taken off the list.

usage: run.py --tmx PATH [--tmux PATH] [--jobs N] [--keep] [CASE...]
"""
import argparse
import concurrent.futures
import os
import shutil
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
# Seconds a case may take: under ASan on a loaded CI machine, keys-extended (seven windows
# typed into and waited on) takes over 30 s; a hung case still ends here.
CASE_TIMEOUT = 60

def read_intended(path):
    """The INTENDED list: {case: reason}."""
    intended = {}
    if not os.path.exists(path):
        return intended
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, sep, reason = line.partition(":")
            if not sep or not reason.strip():
                sys.exit(f"{path}:{n}: want 'case-name: reason'")
            intended[name.strip()] = reason.strip()
    return intended


def kill_leftovers(top, work):
    """SIGKILL what the case left running: every process whose environment has this
    case's COMPAT_TMP, or whose command line names its directory (a server on another
    socket; a keeper whose server the case killed with SIGKILL waits for an adopter that
    never comes, and its process title has overwritten its environment)."""
    marks = (("COMPAT_TMP=" + work).encode() + b"\0", (top + "/").encode())
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            seen = b""
            for what in ("environ", "cmdline"):
                with open(f"/proc/{name}/{what}", "rb") as f:
                    seen += f.read()
            if any(m in seen for m in marks):
                os.kill(int(name), signal.SIGKILL)
        except (OSError, ProcessLookupError):
            pass


def run_case(binary, case):
    """Run one case against one binary; returns (stdout, stderr, status)."""
    top = tempfile.mkdtemp(prefix="compat.")
    try:
        home = os.path.join(top, "home")
        work = os.path.join(top, "work")
        os.mkdir(home)
        os.mkdir(work)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": home,
            "TMUX_TMPDIR": top,
            "TMX_TMPDIR": top,
            "TERM": "xterm-256color",
            "SHELL": "/bin/sh",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TZ": "UTC",
            "TMUX_BIN": binary,
            "COMPAT_LIB": os.path.join(HERE, "lib.sh"),
            "COMPAT_TMP": work,
        }
        proc = subprocess.Popen(["sh", os.path.join(CASES, case)], cwd=work, env=env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
        try:
            out, err = proc.communicate(timeout=CASE_TIMEOUT)
            status = proc.returncode
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            status = "timeout"
        # The case's server goes with the case.
        subprocess.run([binary, "kill-server"], cwd=work, env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)
        kill_leftovers(top, work)
        def norm(b):
            return b.decode("utf-8", "replace").replace(top, "$TMP")
        return norm(out), norm(err), status
    finally:
        shutil.rmtree(top, ignore_errors=True)


def compare(tmux, tmx):
    """What differs between tmux's run and tmx's, as lines of text; [] when nothing."""
    diffs = []
    (o1, e1, s1), (o2, e2, s2) = tmux, tmx
    if s1 != s2:
        diffs.append(f"exit status: tmux {s1}, tmx {s2}")
    if o1 != o2:
        import difflib
        diffs.append("stdout (- tmux, + tmx):")
        diffs.extend("  " + l.rstrip("\n") for l in difflib.unified_diff(
            o1.splitlines(True), o2.splitlines(True), "tmux", "tmx", n=2))
    l1, l2 = e1.splitlines(), e2.splitlines()
    if len(l1) != len(l2) or any(a not in b for a, b in zip(l1, l2)):
        diffs.append("stderr (each tmux line must be inside tmx's):")
        diffs.extend("  tmux: " + l for l in l1)
        diffs.extend("  tmx:  " + l for l in l2)
    return diffs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tmx", required=True)
    ap.add_argument("--tmux", default=shutil.which("tmux") or "tmux")
    ap.add_argument("--jobs", type=int, default=max(2, 2 * (os.cpu_count() or 1)))
    ap.add_argument("--intended", default=os.path.join(HERE, "INTENDED"))
    ap.add_argument("--gaps", default=os.path.join(HERE, "GAPS"))
    ap.add_argument("cases", nargs="*")
    opts = ap.parse_args()
    if shutil.which(opts.tmux) is None:
        sys.exit(f"compat: no tmux at {opts.tmux!r}: install Debian's tmux (.ci/packages lists it)")
    tmx = os.path.abspath(opts.tmx)
    tmux = shutil.which(opts.tmux)
    intended = read_intended(opts.intended)
    gaps = read_intended(opts.gaps)
    both = set(intended) & set(gaps)
    if both:
        sys.exit(f"compat: {', '.join(sorted(both))} in both INTENDED and GAPS")
    names = [n if n.endswith(".sh") else n + ".sh" for n in opts.cases] or \
        sorted(n for n in os.listdir(CASES) if n.endswith(".sh"))
    missing = [n for n in names if not os.path.isfile(os.path.join(CASES, n))]
    if missing:
        sys.exit(f"compat: no such case: {' '.join(missing)} (cases are in {CASES})")
    names = [os.path.basename(n) for n in names]
    for name in list(intended) + list(gaps):
        if name not in os.listdir(CASES):
            sys.exit(f"compat: INTENDED or GAPS names {name}, which is not a case")

    def one(name):
        return name, compare(run_case(tmux, name), run_case(tmx, name))

    failed = []
    same = kept = open_gaps = 0
    with concurrent.futures.ThreadPoolExecutor(opts.jobs) as pool:
        for name, diffs in pool.map(one, names):
            if name in intended:
                if diffs:
                    kept += 1
                else:
                    failed.append((name, [f"listed in INTENDED ({intended[name]}) but now "
                                          "the same as tmux: remove it from the list"]))
            elif name in gaps:
                if diffs:
                    open_gaps += 1
                else:
                    failed.append((name, [f"listed in GAPS ({gaps[name]}) but now the same "
                                          "as tmux: take it off the list"]))
            elif diffs:
                failed.append((name, diffs))
            else:
                same += 1
    for name, diffs in failed:
        print(f"--- {name}")
        for line in diffs:
            print(line)
    print(f"compat: {len(names)} cases: {same} same as tmux, {kept} intended differences "
          f"(INTENDED), {open_gaps} known gaps (GAPS), {len(failed)} failing")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
