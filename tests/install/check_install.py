#!/usr/bin/env python3
"""check_install.py - what `cmake --install` puts in place, as a user finds it: the tmx
binary, `man tmx` (with MANPATH at the prefix, man finds the page and shows the commands
and the sections of docs/manual.md), and the bash and zsh completion files where those
shells look for them.

    check_install.py --build build
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    opts = ap.parse_args()
    failures = []
    prefix = tempfile.mkdtemp(prefix="tmx-install.")
    try:
        r = subprocess.run(["cmake", "--install", opts.build, "--prefix", prefix],
                           capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            failures.append("cmake --install failed:\n%s%s" % (r.stdout, r.stderr))
        for rel in ("bin/tmx", "share/man/man1/tmx.1",
                    "share/bash-completion/completions/tmx", "share/zsh/site-functions/_tmx"):
            if not os.path.isfile(os.path.join(prefix, rel)):
                failures.append("not installed: %s" % rel)
        tmx = os.path.join(prefix, "bin", "tmx")
        if os.access(tmx, os.X_OK):
            v = subprocess.run([tmx, "-V"], capture_output=True, text=True, timeout=10)
            if not v.stdout.startswith("tmx "):
                failures.append("installed tmx -V printed %r" % v.stdout)
        if os.path.exists(os.path.join(prefix, "bin", "tmux")):
            failures.append("bin/tmux installed without -DTMX_AS_TMUX=ON")
        env = dict(os.environ, MANPATH=os.path.join(prefix, "share", "man"), MANWIDTH="100",
                   MANPAGER="cat", PAGER="cat", LC_ALL="C.UTF-8")
        where = subprocess.run(["man", "-w", "tmx"], env=env, capture_output=True, text=True,
                               timeout=60)
        if where.stdout.strip() != os.path.join(prefix, "share", "man", "man1", "tmx.1"):
            failures.append("man -w tmx: %r %r" % (where.stdout, where.stderr))
        page = subprocess.run(["man", "tmx"], env=env, capture_output=True, text=True,
                              timeout=60)
        text = page.stdout
        for want in ("TMX(1)", "NAME", "SYNOPSIS", "COMMANDS", "OPTIONS", "FORMATS",
                     "DEFAULT KEY BINDINGS", "COPY MODE", "RUNNING AS TMUX", "list-sessions",
                     "status-left-style", "pane_current_path"):
            if want not in text:
                failures.append("man tmx does not show %r" % want)
    finally:
        shutil.rmtree(prefix, ignore_errors=True)
    if failures:
        print("\n".join(failures))
        return 1
    print("install: tmx, man tmx, bash and zsh completion in place")
    return 0


if __name__ == "__main__":
    sys.exit(main())
