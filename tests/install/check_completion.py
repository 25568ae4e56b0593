#!/usr/bin/env python3
"""check_completion.py - the bash and zsh completions of completion/ complete what a user
types: commands and aliases, a command's flags, session/window/pane targets of the server
the line names (-L), option names, key tables, layouts, directories.

    check_completion.py --tmx build/tmx --completion completion

A private server (its own TMX_TMPDIR, -L, -f /dev/null) holds sessions "work" (window 0
split in two, window 1) and "other". bash: the completion function runs as bash calls
it, with COMP_WORDS split at blanks and also as bash splits at ':' (COMP_WORDBREAKS).
zsh: a real interactive zsh (zpty) with compinit and the _tmx file in $fpath is sent
a line and a Tab, and the line it completes is read back; the POSIX part shared by both
files must be the same text in each.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

# (line typed, what the candidates must be exactly)
CASES = [
    ("tmx att", ["attach", "attach-session"]),
    ("tmx attach -", ["-E", "-c", "-d", "-f", "-r", "-t", "-x"]),
    ("tmx -L SOCK attach -t ", ["other", "work"]),
    ("tmx -L SOCK kill-session -t w", ["work"]),
    ("tmx -L SOCK select-pane -t work:",
     ["work:", "work:0", "work:0.0", "work:0.1", "work:1", "work:1.0"]),
    ("tmx -L SOCK set -g status-left", ["status-left", "status-left-length",
                                         "status-left-style"]),
    ("tmx -L SOCK new -d ; split-w", ["split-window"]),
    ("tmx -L SOCK bind -T ", ["copy-mode", "copy-mode-vi", "prefix", "root"]),
    ("tmx -L SOCK select-layout -t work ", ["even-horizontal", "even-vertical",
                                             "main-horizontal", "main-vertical", "tiled"]),
    ("tmx -L SOCK wait-for -", ["-L", "-S", "-U"]),
    ("tmx -", ["-2", "-C", "-D", "-L", "-N", "-S", "-T", "-V", "-c", "-f", "-l", "-u", "-v"]),
    ("tmx -L SOCK bind x send-keys -", []),  # past the key: the bound command's words
    ("tmx new -c DIR/su", ["DIR/sub"]),
]

# zsh: (line typed before Tab, the line zsh shows after it)
ZSH_CASES = [
    ("tmx attach-sess", "tmx attach-session "),
    ("tmx -L SOCK kill-session -t wo", "tmx -L SOCK kill-session -t work "),
    ("tmx -L SOCK select-pane -t work:1.", "tmx -L SOCK select-pane -t work:1.0 "),
    ("tmx -L SOCK set -g status-left-s", "tmx -L SOCK set -g status-left-style "),
    ("tmx new -c DIR/su", "tmx new -c DIR/sub/"),
]

BASH_DRIVER = r'''
source "$1"
shift
# c LINE SPLIT: run _tmx as bash would for LINE typed (cursor at its end); SPLIT=colon
# also splits words at ':' as bash does with the default COMP_WORDBREAKS.
c() {
    local line=$1 w
    COMP_LINE=$line
    COMP_POINT=${#line}
    if [[ $2 == colon ]]; then
        line=${line//:/ : }
    fi
    read -ra COMP_WORDS <<<"$line"
    [[ $line == *[[:space:]] ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _tmx
    printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort
}
c "$@"
'''

ZSH_DRIVER = r'''
zmodload zsh/zpty
zpty -b z "env HOME=$ZHOME TERM=dumb zsh -f -i"
zpty -w z "PS1='> '; fpath=($FPATHDIR \$fpath); autoload -Uz compinit; compinit -u -D; print READY"
zpty -r -m z out '*READY*'
zpty -w -n z "$LINE"$'\t'
# Read until the completed line shows (the completion runs tmx, slow under ASan and
# load), or 50 s have gone (the caller gives up at 60): a wait, not a count of polls.
all=
end=$((SECONDS + 50))
while [[ $all != *"$WANT"* ]] && (( SECONDS < end )); do
  if zpty -r -t z chunk; then all+=$chunk; else sleep 0.05; fi
done
zpty -d z
print -r -- "$all"
'''


def shared(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    begin, end = text.find("# --- shared: begin ---"), text.find("# --- shared: end ---")
    return text[begin:end] if begin >= 0 and end > begin else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tmx", required=True)
    ap.add_argument("--completion", required=True)
    opts = ap.parse_args()
    bash_file = os.path.join(opts.completion, "tmx.bash")
    zsh_file = os.path.join(opts.completion, "_tmx")
    failures = []
    top = tempfile.mkdtemp(prefix="tmx-completion.")
    sock = "completion-test"
    env = dict(os.environ)
    for k in ("TMUX", "TMX", "TMUX_PANE", "TMX_PANE"):
        env.pop(k, None)
    bindir = os.path.join(top, "bin")
    os.mkdir(bindir)
    os.symlink(os.path.abspath(opts.tmx), os.path.join(bindir, "tmx"))
    os.mkdir(os.path.join(top, "sub"))
    os.mkdir(os.path.join(top, "home"))
    env.update(PATH=bindir + ":" + env.get("PATH", "/usr/bin:/bin"), TMX_TMPDIR=top,
               TMUX_TMPDIR=top, HOME=os.path.join(top, "home"), SHELL="/bin/sh")

    def tmx(*args):
        return subprocess.run(["tmx", "-L", sock, "-f", "/dev/null"] + list(args), env=env,
                              capture_output=True, text=True, timeout=30)

    try:
        for args in (["new", "-d", "-s", "work", "sleep 1000"],
                     ["split-window", "-d", "-t", "work:0", "sleep 1000"],
                     ["new-window", "-d", "-t", "work:1", "sleep 1000"],
                     ["new", "-d", "-s", "other", "sleep 1000"]):
            r = tmx(*args)
            if r.returncode != 0:
                failures.append("tmx %s: %s" % (" ".join(args), r.stderr))

        def expand(s):
            return s.replace("SOCK", sock).replace("DIR", top)

        # bash
        for line, want in CASES:
            for split in ("blank", "colon"):
                r = subprocess.run(["bash", "-c", BASH_DRIVER, "driver", bash_file,
                                    expand(line), split],
                                   env=env, capture_output=True, text=True, timeout=60)
                got = [g for g in r.stdout.split("\n") if g != ""]
                expected = sorted(expand(w) for w in want)
                if split == "colon" and ":" in line.split(" ")[-1]:
                    # bash replaces only what follows the last ':'.
                    keep = expand(line).split(" ")[-1].rsplit(":", 1)[0] + ":"
                    expected = sorted(w[len(keep):] for w in expected if w != keep)
                if got != expected or r.stderr.strip():
                    failures.append("bash (%s) %r: got %r, want %r%s" % (
                        split, expand(line), got, expected,
                        ("; stderr: " + r.stderr.strip()) if r.stderr.strip() else ""))

        # zsh: the shared part is the bash one, and the real completion works.
        if shared(bash_file) is None or shared(bash_file) != shared(zsh_file):
            failures.append("the shared parts of tmx.bash and _tmx differ")
        zsh = shutil.which("zsh")
        if zsh is None:
            failures.append("zsh is not installed (.ci/packages lists it): cannot check _tmx")
        else:
            fpath = os.path.join(top, "zfp")
            os.mkdir(fpath)
            shutil.copy(zsh_file, fpath)
            os.mkdir(os.path.join(top, "zhome"))
            for line, want in ZSH_CASES:
                zenv = dict(env, ZHOME=os.path.join(top, "zhome"), FPATHDIR=fpath,
                            LINE=expand(line), WANT=expand(want))
                r = subprocess.run([zsh, "-f", "-c", ZSH_DRIVER], env=zenv,
                                   capture_output=True, text=True, timeout=60)
                if expand(want) not in r.stdout:
                    failures.append("zsh %r: wanted the line %r, the terminal showed %r" % (
                        expand(line), expand(want), r.stdout[-300:]))
    finally:
        tmx("kill-server")
        shutil.rmtree(top, ignore_errors=True)

    if failures:
        print("\n".join(failures))
        return 1
    print("completion: %d bash cases (blank and ':' splitting), %d zsh cases" %
          (len(CASES), len(ZSH_CASES)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
