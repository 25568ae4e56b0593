#!/usr/bin/env python3
"""Control mode (-C) against tmux 3.3a: a scripted session (new window, split, rename,
output, selections, a second session, buffers, modes, resize, subscriptions, detach) is
run by a control client of tmux and of tmx, one command line at a time as a program
drives it (each sent once the block of the one before ended); the lines each prints are
compared after normalising times, command numbers and how pane output was cut into
%output lines (tests/control/ctl.py). Then tmx alone: -CC's wrapper, malformed and
oversized lines, a client that never reads (server memory stays bounded), pause-after.

usage: run.py --tmx PATH [--tmux PATH] [TEST...]
"""
import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ctl import Control, normalise  # noqa: E402

# The scripted session: ("cmd", line) sends a line and waits for its block; ("out",
# pane, text) waits for a pane's output to contain text; ("settle",) reads until quiet.
CONFIG = "set -g automatic-rename off\nset -g default-command cat\n"
SCRIPT = [
    ("cmd", "new-window -n second cat"),
    ("cmd", "split-window -t @1 cat"),
    ("cmd", "rename-window -t @1 foo"),
    ("cmd", "select-pane -t %1"),
    ("cmd", "select-window -t @0"),
    ("cmd", "send-keys -t %0 hello Enter"),
    ("out", "%0", "hello\r\nhello\r\n"),
    ("cmd", "send-keys -t %1 'tab\there' Enter"),
    ("out", "%1", "tab\there\r\ntab\there\r\n"),
    ("cmd", "send-keys -t %0 -l 'back\\slash é'"),
    ("out", "%0", "back\\slash \u00e9"),
    ("cmd", "send-keys -t %0 Enter"),
    ("out", "%0", "back\\slash \u00e9\r\nback\\slash \u00e9\r\n"),
    ("cmd", "display -p '#{session_name} #{window_id} #{pane_id} #{client_control_mode}'"),
    ("cmd", "list-windows -F '#{window_index} #{window_name} #{window_layout}'"),
    ("cmd", "bogus-command"),
    ("cmd", "select-pane -t %99"),
    ("cmd", "new-session -d -s other cat"),
    ("cmd", "rename-session -t other another"),
    ("cmd", "rename-session -t 0 main"),
    ("cmd", "new-window -d -t another cat"),
    ("cmd", "rename-window -t another:1 elsewhere"),
    ("cmd", "kill-window -t another:1"),
    ("cmd", "kill-pane -t %2"),
    ("cmd", "resize-pane -t %1 -x 40"),
    ("cmd", "select-layout -t @1 even-horizontal"),
    ("cmd", "kill-window -t @1"),
    ("cmd", "copy-mode -t %0"),
    ("cmd", "send-keys -t %0 -X cancel"),
    ("cmd", "set-buffer -b b1 hello"),
    ("cmd", "refresh-client -C 100x30"),
    ("cmd", "display -p '#{window_width}x#{window_height}'"),
    ("cmd", "switch-client -t another"),
    ("cmd", "display -p '#{session_name}'"),
    ("cmd", "switch-client -t main"),
    ("cmd", "kill-session -t another"),
    ("cmd", "list-sessions -F '#{session_name} #{session_attached}'"),
    ("cmd", "display -p 'one' ; display -p 'two'"),
    ("cmd", "if -F 1 { display -p three }"),
    ("cmd", "refresh-client -A '%0:pause'"),
    ("cmd", "refresh-client -A '%0:continue'"),
    ("cmd", "refresh-client -B 'wname:@0:#{window_name}'"),
    ("line", "%subscription-changed wname", 1),
    ("cmd", "refresh-client -B 'panes:%*:#{pane_id}'"),
    ("line", "%subscription-changed panes", 1),
    ("cmd", "rename-window -t @0 renamed"),
    ("line", "%subscription-changed wname", 2),
    ("cmd", "refresh-client -B 'wname'"),
    ("cmd", "rename-window -t @0 again"),
    # switch-client to the session it shows (told again), to a window by id; a window
    # renumbered (nothing told); the current window moved away with -d (its session's
    # new current between the add and the close); rotate-window (the active pane, not
    # the layout); a pane selected in a zoomed window (the unzoomed layout first).
    ("cmd", "switch-client -t main"),
    ("cmd", "new-window -d -t :4 cat"),
    ("cmd", "switch-client -t main:4"),
    ("cmd", "switch-client -t @0"),
    ("cmd", "set -g renumber-windows on"),
    ("cmd", "move-window -r"),
    ("cmd", "set -g renumber-windows off"),
    ("cmd", "new-window -t :3 cat"),
    ("cmd", "move-window -d -t :9"),
    ("cmd", "split-window -d cat"),
    ("cmd", "rotate-window"),
    ("cmd", "resize-pane -Z"),
    ("cmd", "select-pane -t :.+"),
    # break-pane from a zoomed window, join-pane into one: the unzoomed layout first.
    ("cmd", "resize-pane -Z"),
    ("cmd", "break-pane -d"),
    ("cmd", "split-window -d cat"),
    ("cmd", "resize-pane -Z"),
    ("cmd", "new-window -d -t :7 cat"),
    ("cmd", "join-pane -d -s :7"),
    # Each link and unlink of a window is told, also of a window the client's session
    # already has: %window-add or %window-close if its session has the window then,
    # else %unlinked-window-add and -close (kill-window: one for each link).
    ("cmd", "link-window -d -t :6"),
    ("cmd", "new-session -d -s third cat"),
    ("cmd", "link-window -d -t third:6"),
    ("cmd", "link-window -d -s third:0 -t third:7"),
    ("cmd", "unlink-window -t :6"),
    # Another session's current window and active pane are told too.
    ("cmd", "select-window -t third:6"),
    ("cmd", "split-window -d -t third:7 cat"),
    ("cmd", "select-pane -t third:7.1"),
    ("cmd", "kill-window -t third:7"),
    ("cmd", "kill-session -t third"),
    # A session it makes has a first window of its size (window-size latest; -x and -y
    # size only the session).
    ("cmd", "new-session -d -s fourth -x 50 -y 20 cat"),
    ("cmd", "list-windows -t fourth -F '#{window_width}x#{window_height}'"),
    ("cmd", "kill-session -t fourth"),
    # swap-window -d selects the target's index in its session (told, of any session),
    # and the source's index in its own: told when that link was not current, even if
    # it shows the window that was current; a current link that now shows another
    # window is no change.
    ("cmd", "new-session -d -s fifth cat"),
    ("cmd", "new-window -d -t fifth: cat"),
    ("cmd", "swap-window -d -s fifth:0 -t fifth:1"),
    ("cmd", "swap-window -d -t fifth:0"),
    ("cmd", "new-window -d -t :12 cat"),
    ("cmd", "swap-window -d -t :12"),
    ("cmd", "kill-session -t fifth"),
    # rotate-window and split-window in a zoomed window: the layout as tmux unzooms
    # first. switch-client to a window of another session: that session's new current
    # window, then the switch.
    ("cmd", "split-window -d cat"),
    ("cmd", "resize-pane -Z"),
    ("cmd", "rotate-window"),
    ("cmd", "resize-pane -Z"),
    ("cmd", "split-window -h cat"),
    ("cmd", "new-session -d -s sixth cat"),
    ("cmd", "new-window -d -t sixth: cat"),
    ("cmd", "link-window -d -s sixth:1 -t :13"),
    ("cmd", "select-window -t :13"),
    ("cmd", "split-window -d cat"),
    ("cmd", "switch-client -t sixth:1"),
    ("cmd", "switch-client -t main"),
    ("cmd", "unlink-window -t :13"),
    ("cmd", "kill-session -t sixth"),
    # switch-client to a pane of another window: the pane (after the layout, if the
    # window was zoomed), the window, the session.
    ("cmd", "select-window -t :0"),
    ("cmd", "split-window -d -t :12 cat"),
    ("cmd", "switch-client -t :12.1"),
    ("cmd", "resize-pane -Z"),
    ("cmd", "switch-client -t :12.0"),
    # A window renamed to the name it has is told too.
    ("cmd", "rename-window -t :12 same"),
    ("cmd", "rename-window -t :12 same"),
    # kill-window of a window linked in several sessions: session by session in name
    # order, each telling its new current window (where it was current), then the unlink.
    ("cmd", "new-session -d -s aaa cat"),
    ("cmd", "new-window -d -t :14 cat"),
    ("cmd", "link-window -d -s :14 -t aaa:3"),
    ("cmd", "select-window -t aaa:3"),
    ("cmd", "select-window -t :14"),
    ("cmd", "kill-window -t :14"),
    ("cmd", "kill-session -t aaa"),
    # kill-window of a window linked twice in its session, the later link current: the
    # earlier link's unlink, then the session's new current window, then the other's.
    ("cmd", "new-window -d -t :15 cat"),
    ("cmd", "link-window -d -s :15 -t :16"),
    ("cmd", "select-window -t :16"),
    ("cmd", "kill-window -t :16"),
    # ... and when the session goes to the window's other link (the last window shown,
    # here): told again before that link's unlink.
    ("cmd", "new-window -d -t :17 cat"),
    ("cmd", "link-window -d -s :17 -t :18"),
    ("cmd", "select-window -t :18"),
    ("cmd", "select-window -t :17"),
    ("cmd", "kill-window -t :17"),
    ("settle",),
]


def run_script(binary):
    c = Control(binary, ["new-session", "-x", "80", "-y", "24", "-s", "0", "cat"], config=CONFIG)
    try:
        c.wait(lambda ls: any(l.startswith("%session-changed") for l in ls))
        for step in SCRIPT:
            if step[0] == "cmd":
                c.command(step[1])
            elif step[0] == "out":
                c.wait_output(step[1], step[2])
            elif step[0] == "line":
                c.wait(lambda ls: sum(1 for l in ls if l.startswith(step[1])) >= step[2])
            elif step[0] == "settle":
                c.settle(1.5)
        c.close()
        return c.lines, c.proc.returncode
    finally:
        c.kill()


def subscriptions_last(lines):
    """%subscription-changed comes on a one-second timer, wherever that falls between
    the blocks: compared in their own order, after everything else."""
    subs = [l for l in lines if l.startswith("%subscription-changed")]
    return [l for l in lines if not l.startswith("%subscription-changed")] + subs


def test_script(opts):
    a, rca = run_script(opts.tmux)
    b, rcb = run_script(opts.tmx)
    na, nb = subscriptions_last(normalise(a)), subscriptions_last(normalise(b))
    if opts.verbose:
        print("\n".join(nb))
    if na != nb or rca != rcb:
        print("control stream differs (- tmux, + tmx):")
        for l in difflib.unified_diff(na, nb, "tmux", "tmx", lineterm="", n=3):
            print("  " + l)
        if rca != rcb:
            print("  exit status: tmux %s, tmx %s" % (rca, rcb))
        return False
    return True


def run_lines(binary, args, lines, end="close"):
    """A short session: each line sent once the one before ended (or, for a line that
    makes the client exit, read to the end); the normalised stream and the status."""
    c = Control(binary, args, config=CONFIG)
    try:
        if args[0] in ("new-session", "attach"):
            c.wait(lambda ls: any(l.startswith(("%session-changed", "%exit")) for l in ls))
        for line in lines:
            if line is None:
                c.settle(0.5)
            elif c.eof:
                break
            elif line.startswith("#"):
                c.send(line)  # nothing answers a comment
            else:
                n = c.blocks_done()
                c.send(line)
                c.wait(lambda ls: c.blocks_done() > n or c.eof or
                       any(l.startswith("%exit") for l in ls))
        if end == "close":
            c.close()
        else:
            c.proc.stdin.close()
            c.wait(lambda ls: c.eof)
            c.proc.wait(timeout=10)
        return normalise(c.lines), c.proc.returncode
    finally:
        c.kill()


# Short sessions whose end differs: how each way of leaving looks.
ENDINGS = {
    "empty-line": (["new-session", "cat"], ["display -p x"], "close"),
    "stdin-eof": (["new-session", "cat"], ["display -p x"], "eof"),
    "parse-failed": (["new-session", "cat"], ["nosuch"], "close"),
    "command-failed": (["new-session", "cat"], ["select-pane -t %99", "display -p x"], "close"),
    "command-failed-eof": (["new-session", "cat"], ["select-pane -t %99"], "eof"),
    "command-failed-detach": (["new-session", "cat"], ["select-pane -t %99", "detach"],
                              "close"),
    "detach-client": (["new-session", "cat"], ["detach-client"], "close"),
    "kill-session": (["new-session", "cat"], ["kill-session"], "close"),
    "kill-server": (["new-session", "cat"], ["kill-server"], "close"),
    "not-attached": (["list-sessions"], [], "close"),
    # A window of a session made before the client's: its %layout-change flags are
    # those of its link in the client's session ('*' where it is current there).
    "layout-flags": (["new-session", "-x", "80", "-y", "24", "cat"],
                     ["new-window -d cat", "new-session -d -s later cat",
                      "link-window -d -s :1 -t later:5", "switch-client -t later",
                      "select-window -t later:5", "split-window -d cat"], "close"),
    # A window linked twice in the client's session: the flags of its link at the
    # lowest index (not current here), not of its oldest link.
    "layout-flags-twice": (["new-session", "-x", "80", "-y", "24", "cat"],
                           ["new-window -d -t :5 cat", "link-window -d -s :5 -t :2",
                            "select-window -t :5", "split-window -d -t :5 cat"], "close"),
    "panes-and-windows": (["new-session", "-x", "80", "-y", "24", "cat"],
                          ["split-window", "resize-pane -Z", "resize-pane -Z",
                           "swap-pane -s %0 -t %1", "break-pane -s %1", "join-pane -s @1 -t @0",
                           "new-window", "swap-window -s :0 -t :1", "move-window -s :1 -t :5",
                           "select-window -t :5", "last-window", "rotate-window",
                           "select-layout tiled", "next-layout", "kill-pane -a",
                           "respawn-pane -k", "clock-mode", "send-keys q", "choose-tree",
                           "send-keys -X cancel", "display -p '#{pane_mode}'"], "close"),
    "flags": (["new-session", "-f", "no-output,pause-after=3", "cat"],
              ["display -p '#{client_flags} #{client_control_mode}'",
               "refresh-client -f '!no-output,!pause-after'", "display -p '#{client_flags}'",
               "refresh-client -C 10", "refresh-client -C 0x5", "refresh-client -C 20x10",
               "display -p '#{window_width}x#{window_height}'"], "close"),
    # refresh-client -C @WINDOW:WxH: a size for one window, which wins over the
    # client's own; @WINDOW: takes it back; every size set lays every window out again.
    "window-sizes": (["new-session", "-x", "80", "-y", "24", "cat"],
                     ["new-window", "refresh-client -C @1:100x30",
                      "list-windows -F '#{window_id} #{window_width}x#{window_height}'",
                      "refresh-client -C 60x20", "refresh-client -C 60x20",
                      "list-windows -F '#{window_id} #{window_width}x#{window_height}'",
                      "refresh-client -C @1:", "refresh-client -C @5:",
                      "refresh-client -C @1:0x0", "refresh-client -C @1:20000x5",
                      "refresh-client -C @7:30x10", "refresh-client -C @x:30x10",
                      "refresh-client -C 30,10", "refresh-client -C 20x10junk",
                      "refresh-client -C @1:50x15junk", "refresh-client -C @0:x",
                      "new-window", "list-windows"], "close"),
    # A flag given twice: every value counts (-A, -B), as tmux.
    "repeated-flags": (["new-session", "-x", "80", "-y", "24", "cat"],
                       ["refresh-client -B 'one::#{session_name}' -B 'two::#{window_index}'",
                        "refresh-client -A '%0:pause' -A '%0:continue'",
                        None, None, None, "display -p x"], "close"),
    "parse-errors": (["new-session", "cat"], ["display -p 'unterminated", "{", "}",
                                             "display -p \"x", "display -p a\\\\",
                                             "new-window -t ; ;", "display -p {",
                                             "display -p a ; nosuch b",
                                             "if -F 0 { display -p no } { display -p yes }",
                                             "# a comment", "display -p after"], "close"),
}


def test_endings(opts):
    ok = True
    for name, (args, lines, end) in ENDINGS.items():
        a = run_lines(opts.tmux, args, lines, end)
        b = run_lines(opts.tmx, args, lines, end)
        if a != b:
            ok = False
            print("%s: differs (- tmux, + tmx):" % name)
            for l in difflib.unified_diff(a[0], b[0], "tmux", "tmx", lineterm="", n=3):
                print("  " + l)
            if a[1] != b[1]:
                print("  exit status: tmux %s, tmx %s" % (a[1], b[1]))
    return ok


def run_peers(binary):
    """Two control clients of one server: what the first is told of the second."""
    c = Control(binary, ["new-session", "-x", "80", "-y", "24", "-s", "main", "cat"],
                config=CONFIG)
    d = None
    try:
        c.wait(lambda ls: any(l.startswith("%session-changed") for l in ls))
        c.command("new-session -d -s two cat")
        d = Control(binary, ["attach", "-t", "two"],
                    env_extra={"TMX_TMPDIR": c.top, "TMUX_TMPDIR": c.top})
        d.wait(lambda ls: any(l.startswith("%session-changed") for l in ls))
        c.wait(lambda ls: any(l.startswith("%client-session-changed") for l in ls))
        d.command("switch-client -t main")
        c.wait(lambda ls: sum(l.startswith("%client-session-changed") for l in ls) >= 2)
        d.command("refresh-client -C 50x20")
        c.wait(lambda ls: any(l.startswith("%layout-change") for l in ls))
        d.close()
        c.wait(lambda ls: any(l.startswith("%client-detached") for l in ls))
        c.close()
        pid = str(d.proc.pid)
        return [re.sub("client-" + pid, "client-PID", l) for l in normalise(c.lines)], \
            normalise(d.lines)
    finally:
        if d is not None:
            d.kill()
        c.kill()


def test_peers(opts):
    a, b = run_peers(opts.tmux), run_peers(opts.tmx)
    if a != b:
        print("peers differ (- tmux, + tmx):")
        for x, y in zip(a, b):
            for l in difflib.unified_diff(x, y, "tmux", "tmx", lineterm="", n=3):
                print("  " + l)
        return False
    return True


def test_wait_exit(opts):
    """-f wait-exit: after %exit the client reads on until an empty line, then goes."""
    ok = True
    for name, binary in (("tmux", opts.tmux), ("tmx", opts.tmx)):
        c = Control(binary, ["new-session", "-f", "wait-exit", "cat"], config=CONFIG)
        try:
            c.wait(lambda ls: any(l.startswith("%session-changed") for l in ls))
            c.send("detach-client")
            c.wait(lambda ls: "%exit" in ls)
            c.send("display -p not-run")
            time.sleep(0.5)
            if c.proc.poll() is not None:
                print("wait_exit: %s did not wait" % name)
                ok = False
            c.send("")
            c.wait(lambda ls: c.eof)
            if c.proc.wait(timeout=10) != 0 or "not-run" in c.lines or c.lines[-1] != "%exit":
                print("wait_exit: %s ended %r" % (name, c.lines[-3:]))
                ok = False
        finally:
            c.kill()
    return ok


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def test_bad_input(opts):
    """Malformed and oversized lines get %error; the client and the server go on."""
    c = Control(opts.tmx, ["new-session", "-x", "80", "-y", "24", "cat"], config=CONFIG)
    ok = True
    try:
        c.wait(lambda ls: any(l.startswith("%session-changed") for l in ls))
        checks = [
            ("display -p {", "parse error: syntax error"),
            ("\xff\xfe\x01 garbage", "parse error: unknown command"),
            ("display -p a\x00b", "parse error: NUL byte in command"),
            ("x" * (2 << 20), "command too long"),
            ("new-window -t ; ;", None),
        ]
        for line, want in checks:
            n = c.blocks_done()
            c.proc.stdin.write(line.encode("latin-1").decode("unicode_escape").encode("latin-1")
                               + b"\n")
            c.proc.stdin.flush()
            c.wait(lambda ls: c.blocks_done() > n, 20)
            block = c.lines[c.lines.index([l for l in c.lines if l.startswith("%begin")][-1]):]
            if want is not None and not any(want in l for l in block[1:-1]):
                print("bad_input: %r answered %r, wanted %r" % (line[:40], block[:4], want))
                ok = False
            if want is not None and not block[-1].startswith("%error"):
                print("bad_input: %r ended with %r" % (line[:40], block[-1]))
                ok = False
        c.command("display -p still-here")
        if "still-here" not in c.lines:
            print("bad_input: the client stopped answering")
            ok = False
        r = c.cli("display", "-p", "#{session_name}")
        if r.returncode != 0:
            print("bad_input: another client failed: %r" % r.stderr)
            ok = False
        c.close()
        if c.lines[-1] != "%exit":
            print("bad_input: ended with %r" % c.lines[-1])
            ok = False
    finally:
        c.kill()
    return ok


FLOOD = "yes 0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz"


def test_never_reads(opts):
    """A control client that never reads while a pane floods: the server's memory stays
    bounded, it is dropped as "too far behind", and another control client and the
    command line are served all along."""
    c = Control(opts.tmx, ["new-session", "-x", "80", "-y", "24", "cat"], config=CONFIG)
    ok = True
    other = None
    try:
        c.wait(lambda ls: any(l.startswith("%session-changed") for l in ls))
        pid = c.server_pid()
        before = rss_kib(pid)
        other = Control(opts.tmx, ["attach"], env_extra={"TMX_TMPDIR": c.top, "TMUX_TMPDIR": c.top})
        other.wait(lambda ls: any(l.startswith("%session-changed") for l in ls))
        other.command("refresh-client -f no-output")
        c.send("respawn-pane -k '%s'" % FLOOD)  # then c is never read again
        peak = 0
        t0 = time.time()
        while time.time() - t0 < 6:
            peak = max(peak, rss_kib(pid))
            r = c.cli("display", "-p", "ok")
            if r.stdout != b"ok\n":
                print("never_reads: the command line was not served: %r" % (r.stderr,))
                ok = False
                break
            time.sleep(0.2)
        other.command("display -p other-ok", timeout=10)
        grown = peak - before
        print("never_reads: server RSS %d KiB before, peak %d KiB (+%d KiB)" % (before, peak, grown))
        if grown > 48 * 1024:
            print("never_reads: the server grew by %d KiB" % grown)
            ok = False
        c.cli("kill-pane", "-a")
        c.cli("respawn-pane", "-k", "cat")
        c.wait(lambda ls: c.eof, 60)
        if not any(l == "%exit too far behind" for l in c.lines[-3:]):
            print("never_reads: ended with %r" % c.lines[-3:])
            ok = False
    finally:
        if other is not None:
            other.kill()
        c.kill()
    return ok


def test_never_reads_answers(opts):
    """A control client that sends commands without reading their answers: the server
    keeps at most a bounded backlog for it, then drops it ("too far behind")."""
    import threading
    c = Control(opts.tmx, ["new-session", "-x", "80", "-y", "24", "cat"], config=CONFIG)
    ok = True
    try:
        c.wait(lambda ls: any(l.startswith("%session-changed") for l in ls))
        pid = c.server_pid()
        before = rss_kib(pid)

        def writer():
            try:
                for _ in range(20000):
                    c.proc.stdin.write(b"list-commands\n")
                c.proc.stdin.flush()
            except (BrokenPipeError, ValueError, OSError):
                pass
        t = threading.Thread(target=writer, daemon=True)
        t.start()
        peak = 0
        t0 = time.time()
        while time.time() - t0 < 5:
            peak = max(peak, rss_kib(pid))
            time.sleep(0.2)
        print("never_reads_answers: server RSS %d KiB before, peak %d KiB" % (before, peak))
        if peak - before > 48 * 1024:
            ok = False
        c.wait(lambda ls: c.eof, 60)
        if not any(l == "%exit too far behind" for l in c.lines[-3:]):
            print("never_reads_answers: ended with %r" % c.lines[-3:])
            ok = False
        if c.cli("display", "-p", "ok").stdout != b"ok\n":
            print("never_reads_answers: the server stopped answering")
            ok = False
    finally:
        c.kill()
    return ok


def test_pause_after(opts):
    """pause-after: a pane whose output waits too long is paused (%pause), output comes
    as %extended-output, and -A %N:continue resumes it (%continue)."""
    c = Control(opts.tmx, ["new-session", "-x", "80", "-y", "24", "cat"], config=CONFIG)
    ok = True
    try:
        c.wait(lambda ls: any(l.startswith("%session-changed") for l in ls))
        c.command("refresh-client -f pause-after=1")
        c.command("send-keys -t %0 hi Enter")
        c.wait(lambda ls: any(l.startswith("%extended-output %0 ") for l in ls))
        c.send("respawn-pane -k '%s'" % FLOOD)
        time.sleep(3)  # not reading: the output waits
        c.cli("respawn-pane", "-k", "cat")
        c.wait(lambda ls: "%pause %0" in ls, 30)
        c.settle(0.5)
        n = len(c.lines)
        c.command("refresh-client -A '%0:continue'")
        if "%continue %0" not in c.lines[n:]:
            print("pause_after: no %%continue in %r" % c.lines[n:])
            ok = False
        c.command("send-keys -t %0 again Enter")
        c.wait(lambda ls: any("again" in l for l in ls[n:] if l.startswith("%extended-output")))
        c.command("display -p '#{client_flags}'")
        if "attached,focused,control-mode,pause-after=1,UTF-8" not in c.lines:
            print("pause_after: flags %r" % c.lines[-3:])
            ok = False
    finally:
        c.kill()
    return ok


def run_queue_wait(pids):
    """Seconds the processes PIDS (and their children) have spent waiting for a CPU, from
    /proc/PID/schedstat: on a loaded machine that is most of a delay, and none of it is the
    product's."""
    seen, todo, total = set(), list(pids), 0
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            with open("/proc/%d/schedstat" % pid) as f:
                total += int(f.read().split()[1])
            with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
                todo.extend(int(x) for x in f.read().split())
        except (OSError, ValueError, IndexError):
            pass
    return total / 1e9


def test_mouse_changes(opts):
    """Changes made with the mouse of an attached terminal (a click selecting a pane, a
    border dragged) reach a control client at once, as tmux's do, not at a later check:
    each within 0.4 s, six times (a check once a second would miss most). The time is the
    wall time less what the server, the clients and this test waited for a CPU."""
    c = Control(opts.tmx, ["new-session", "-x", "80", "-y", "24", "cat"],
                config=CONFIG + "set -g mouse on\n")
    term = None
    ok = True
    try:
        c.wait(lambda ls: any(l.startswith("%session-changed") for l in ls))
        c.command("split-window -h")
        c.wait(lambda ls: any(l.startswith("%layout-change") for l in ls))
        term = subprocess.Popen(["script", "-qfec", "stty rows 24 cols 80; exec %s -L ctl attach"
                                 % opts.tmx, "/dev/null"], cwd=c.top, env=c.env,
                                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        c.wait(lambda ls: any(l.startswith("%client-session-changed") for l in ls))
        c.settle(0.3)
        pids = [c.server_pid(), c.proc.pid, term.pid, os.getpid()]
        border = 41
        for _ in range(2):
            steps = [(b"\x1b[<0;5;5M\x1b[<0;5;5m", "%window-pane-changed @0 %0"),
                     (b"\x1b[<0;70;5M\x1b[<0;70;5m", "%window-pane-changed @0 %1"),
                     (b"\x1b[<0;%d;5M\x1b[<32;%d;5M\x1b[<0;%d;5m"
                      % (border, border - 5, border - 5), "%layout-change @0 ")]
            border -= 5
            for data, want in steps:
                n = len(c.lines)
                t0, w0 = time.time(), run_queue_wait(pids)
                term.stdin.write(data)
                term.stdin.flush()
                c.wait(lambda ls: any(l.startswith(want) for l in ls[n:]))
                wall, waited = time.time() - t0, run_queue_wait(pids) - w0
                if wall - waited > 0.4:
                    print("mouse_changes: %r came %.2f s after the mouse (%.2f s of it waiting "
                          "for a CPU)" % (want, wall, waited))
                    ok = False
    finally:
        if term is not None:
            os.killpg(term.pid, 9)
            term.wait()
        c.kill()
    return ok


def test_wrapper(opts):
    """-CC: the stream in a DCS (ESC P 1000 p ... ESC \\) on a terminal without echo,
    lines ending CR LF as tmux's; the terminal's modes put back after."""
    out = {}
    for name, binary in (("tmux", opts.tmux), ("tmx", opts.tmx)):
        c = Control(binary, [], config=CONFIG)
        c.kill()
        top = tempfile.mkdtemp(prefix="ctlcc.")
        with open(os.path.join(top, "conf"), "w") as f:
            f.write(CONFIG)
        env = dict(c.env, TMUX_TMPDIR=top, TMX_TMPDIR=top)
        # The client runs on a terminal of its own (script), its input piped into it.
        script = ("(sleep 1; printf 'display -p hello\\n'; sleep 0.5; printf '\\n'; sleep 0.5) |"
                  " script -qec 'stty -a > %s/before; %s -f %s/conf -L cc -CC new -x 80 -y 24 cat;"
                  " stty -a > %s/after' /dev/null > %s/out") % (top, binary, top, top, top)
        subprocess.run(["script", "-qec", script, "/dev/null"], env=env, cwd=top,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, timeout=30)
        subprocess.run([binary, "-L", "cc", "kill-server"], env=env, capture_output=True)
        with open(os.path.join(top, "out"), "rb") as f:
            raw = f.read()
        out[name] = re.sub(rb"%(begin|end|error) \d+ \d+", rb"%\1 T N", raw)
        with open(os.path.join(top, "before")) as f:
            before = f.read()
        with open(os.path.join(top, "after")) as f:
            after = f.read()
        shutil.rmtree(top, ignore_errors=True)
        if before != after or "icanon" not in before:
            print("wrapper: %s left the terminal as %r (was %r)" % (name, after, before))
            return False
    if out["tmux"] != out["tmx"]:
        print("wrapper: tmux %r\n         tmx  %r" % (out["tmux"], out["tmx"]))
        return False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tmx", required=True)
    ap.add_argument("--tmux", default=shutil.which("tmux") or "/usr/bin/tmux")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("tests", nargs="*")
    opts = ap.parse_args()
    opts.tmx = os.path.abspath(opts.tmx)
    tests = {name[5:]: fn for name, fn in globals().items() if name.startswith("test_")}
    names = opts.tests or list(tests)
    failed = []
    for name in names:
        t0 = time.time()
        try:
            ok = tests[name](opts)
        except Exception as e:  # a timeout or a crash fails the test, with why
            print("%s: %s: %s" % (name, type(e).__name__, e))
            ok = False
        print("%s %s (%.1f s)" % ("ok  " if ok else "FAIL", name, time.time() - t0))
        if not ok:
            failed.append(name)
    if failed:
        print("failed: " + " ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
