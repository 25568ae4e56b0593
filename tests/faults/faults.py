#!/usr/bin/env python3
"""faults.py - the faults of issue 24, measured the same way for tmx and for tmux (the
figures of docs/robustness.md, "Faults of the surroundings"). Not in CI: the e2e tests
(tests/e2e/test_faults.c, test_taps.c, test_client_limits.c) assert the same things.

Each fault runs against a fresh server on a private socket in a temporary directory and
prints one line:

  huge      a client whose terminal is 9999x9999 attaches: server RSS over its baseline,
            slowest list-sessions over 10 s, what the client got
  pipe      pipe-pane 'sleep 100000' (never reads), then the pane prints 100 MB: does the
            program finish, server RSS, slowest list-sessions, bytes dropped (tmx)
  stdio     `new -d` with stdin, stdout and stderr closed: exit status, does ls work
  fdlimit   the server under `ulimit -n 64`, 100 idle connections: its CPU over 3 s,
            accept4 calls over 2 s (strace), what ls and new-window get, and ls once the
            idle connections are closed
  stale     an empty regular file, then one with data, where the socket should be
  environ   a client sending 64 environment variables of 512 KiB (tmx's protocol)
  fifo      `set log-file FIFO` where nobody reads the FIFO (tmx: log-file is its own)
  inherit   `new -d 7>&1 | cat`: does it end
  user      another user's client (root only: runs it as nobody)
  args      new-window with 100,000 arguments

Usage: tests/faults/faults.py --bin build/tmx [FAULT...]
       tests/faults/faults.py --bin /usr/bin/tmux
Run it as root for `user`; `huge` may need 5 GB free with an old tmx (use ulimit -v).
"""
import argparse
import os
import pty
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import fcntl
import termios


class Server:
    def __init__(self, binary, name):
        self.binary = binary
        self.tmux = "tmux" in os.path.basename(binary)
        self.tmp = tempfile.mkdtemp(prefix="faults-")
        os.chmod(self.tmp, 0o755)
        self.env = dict(os.environ, TMX_TMPDIR=self.tmp, TMUX_TMPDIR=self.tmp, HOME=self.tmp,
                        SHELL="/bin/sh", TERM="xterm-256color")
        for k in ("TMUX", "TMX", "TMUX_PANE", "TMX_PANE"):
            self.env.pop(k, None)
        self.name = name
        self.base = [binary, "-L", name, "-f", "/dev/null"]
        self.dir = "%s/%s-%d" % (self.tmp, "tmux" if self.tmux else "tmx", os.getuid())
        self.path = "%s/%s" % (self.dir, name)

    def run(self, *args, timeout=20, stdin=subprocess.DEVNULL, shell_prefix=None):
        """(exit status or 'timeout', stdout+stderr text, seconds)."""
        argv = self.base + list(args)
        if shell_prefix:
            argv = ["sh", "-c", shell_prefix + ' "$@"', "sh"] + argv
        t0 = time.time()
        try:
            r = subprocess.run(argv, env=self.env, capture_output=True, timeout=timeout, stdin=stdin)
            return r.returncode, (r.stdout + r.stderr).decode(errors="replace").strip(), time.time() - t0
        except subprocess.TimeoutExpired:
            return "timeout", "", time.time() - t0

    def pid(self):
        rc, out, _ = self.run("display-message", "-p", "#{pid}", timeout=5)
        self.server_pid = int(out) if rc == 0 and out.isdigit() else None
        return self.server_pid

    def close(self):
        self.run("kill-server", timeout=5)
        # A server that cannot answer (at its fd limit, say) is not left behind.
        if getattr(self, "server_pid", None) and rss_kib(self.server_pid) is not None:
            os.kill(self.server_pid, signal.SIGKILL)
        shutil.rmtree(self.tmp, ignore_errors=True)


def rss_kib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS"):
                    return int(line.split()[1])
    except OSError:
        return None


def cpu_s(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def short(text, n=150):
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n] + "..."


def fault_huge(s):
    s.run("new", "-d", "-s", "s")
    pid = s.pid()
    time.sleep(0.5)
    before = peak = rss_kib(pid)
    cpid, fd = pty.fork()
    if cpid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 9999, 9999, 0, 0))
        os.execvpe(s.binary, s.base + ["attach", "-t", "s"], s.env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 9999, 9999, 0, 0))
    worst, fails, tail, status = 0.0, 0, b"", None
    end = time.time() + 10
    while time.time() < end:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                tail = (tail + os.read(fd, 1 << 20))[-600:]
            except OSError:
                pass
        rc, _, dt = s.run("ls", timeout=20)
        worst = max(worst, dt)
        fails += rc != 0
        now = rss_kib(pid)
        if now is None:
            break
        peak = max(peak, now)
        if status is None:
            w = os.waitpid(cpid, os.WNOHANG)
            if w[0] == cpid:
                status = os.waitstatus_to_exitcode(w[1])
    if status is None:
        os.kill(cpid, signal.SIGKILL)
        os.waitpid(cpid, 0)
    said = tail.decode(errors="replace").replace("\r", " ").strip().splitlines()
    alive = rss_kib(pid) is not None
    return ("server RSS %+.1f MiB (peak), slowest ls %.2f s, %d ls failed, server %s; client %s%s"
            % ((peak - before) / 1024, worst, fails, "alive" if alive else "DEAD",
               "still attached" if status is None else "exited %d" % status,
               (": " + short(said[-1], 120)) if status is not None and said else ""))


def fault_pipe(s, mb=100):
    go = s.tmp + "/go"
    cmd = ('while [ ! -e %s ]; do sleep 0.05; done; head -c %d /dev/zero | tr "\\000" x; echo; '
           'echo done-$((6*7)); sleep 100000' % (go, mb * 1000000))
    s.run("new", "-d", "-s", "s", "-x", "80", "-y", "24", cmd)
    pid = s.pid()
    s.run("pipe-pane", "-t", "s", "sleep 100000")
    before = peak = rss_kib(pid)
    worst, done = 0.0, False
    open(go, "w").close()
    t0 = time.time()
    while time.time() < t0 + 60:
        worst = max(worst, s.run("ls")[2])
        peak = max(peak, rss_kib(pid))
        if "done-42" in s.run("capture-pane", "-p", "-t", "s")[1]:
            done = True
            break
        time.sleep(0.2)
    took = time.time() - t0
    dropped = "" if s.tmux else ", %s bytes dropped" % s.run(
        "display-message", "-p", "-t", "s", "#{pane_pipe_dropped}")[1]
    return ("%s, server RSS %+.1f MiB, slowest ls %.2f s%s"
            % ("finished in %.1f s" % took if done else "STALLED (not done after 60 s)",
               (peak - before) / 1024, worst, dropped))


def fault_stdio(s):
    rc, _, _ = s.run("new", "-d", "-s", "s", shell_prefix="exec <&- >&- 2>&-; exec")
    lrc, out, _ = s.run("ls", timeout=5)
    return "new -d exit %s; ls: %s" % (rc, short(out, 60) if lrc == 0 else "exit %s %s" % (lrc, short(out, 60)))


def fault_fdlimit(s):
    s.run("new", "-d", "-s", "s", shell_prefix="ulimit -n 64; exec")
    pid = s.pid()
    socks = []
    for _ in range(100):
        c = socket.socket(socket.AF_UNIX)
        c.connect(s.path)
        socks.append(c)
    time.sleep(1)
    c0 = cpu_s(pid)
    time.sleep(3)
    used = cpu_s(pid) - c0
    st = subprocess.run(["timeout", "-s", "INT", "2", "strace", "-c", "-e", "trace=accept4", "-p", str(pid)],
                        capture_output=True).stderr.decode()
    calls = [l.split()[3] for l in st.splitlines() if l.strip().endswith("accept4")]
    ls = s.run("ls", timeout=10)
    nw = s.run("new-window", "-t", "s", timeout=10)
    for c in socks:
        c.close()
    time.sleep(1.5)
    after = s.run("ls", timeout=10)
    fmt = lambda r: "%s in %.2f s%s" % (r[0], r[2], (" \"%s\"" % short(r[1], 110)) if r[1] else "")
    return ("CPU %.2f s of 3 s (%.0f%%), accept4 calls in 2 s: %s; ls: %s; new-window: %s; "
            "idle connections closed, ls: %s" % (used, used / 3 * 100, calls[0] if calls else 0,
                                                 fmt(ls), fmt(nw), fmt(after)))


def fault_stale(s):
    os.makedirs(s.dir, mode=0o700, exist_ok=True)
    open(s.path, "w").close()
    rc, out, _ = s.run("new", "-d", "-s", "s")
    r1 = "empty file: new exit %s%s" % (rc, ", a socket now" if os.path.exists(s.path) and
                                         not os.path.isfile(s.path) else "")
    s.run("kill-server")
    if os.path.lexists(s.path):
        os.unlink(s.path)
    with open(s.path, "w") as f:
        f.write("precious\n")
    rc, out, _ = s.run("new", "-d", "-s", "s")
    kept = os.path.isfile(s.path) and open(s.path).read() == "precious\n"
    return "%s; file with data: new exit %s%s, the data %s" % (
        r1, rc, (" \"%s\"" % short(out, 200)) if out else "", "kept" if kept else "LOST")


def fault_environ(s):
    if s.tmux:
        return "skipped (tmx's protocol; issue 24 measured tmux: +1 GB for 1 GB)"
    s.run("new", "-d", "-s", "s")
    pid = s.pid()
    before = rss_kib(pid)
    c = socket.socket(socket.AF_UNIX)
    c.connect(s.path)
    msg = lambda t, p: struct.pack("<II", t, len(p)) + p
    c.sendall(msg(1, struct.pack("<IIIIi", 4, 0, 80, 24, os.getpid()) + b"xterm\0/\0"))
    var = b"BIG=" + b"v" * (512 * 1024 - 5) + b"\0"
    sent = 0
    c.settimeout(5)
    try:
        for _ in range(64):
            c.sendall(msg(2, var))
            sent += 1
    except OSError:
        pass
    data = b""
    try:
        while True:
            d = c.recv(65536)
            if not d:
                break
            data += d
    except OSError:
        pass
    peak = rss_kib(pid)
    told = data[12:].split(bytes(1))[0].decode(errors="replace")
    return "sent %d x 512 KiB; server RSS %+.1f MiB; told: %s" % (
        sent, (peak - before) / 1024, "\"%s\"" % short(told, 100) if told else "nothing")


def fault_fifo(s):
    if s.tmux:
        return "skipped (no log-file in tmux; pipe-pane 'cat > FIFO' opens it in the child)"
    s.run("new", "-d", "-s", "s")
    fifo = s.tmp + "/fifo"
    os.mkfifo(fifo)
    rc, out, took = s.run("set", "-t", "s", "log-file", fifo, timeout=30)
    ls = s.run("ls", timeout=10)
    return "set log-file: exit %s in %.2f s; ls then: exit %s in %.2f s" % (rc, took, ls[0], ls[2])


def fault_inherit(s):
    t0 = time.time()
    try:
        r = subprocess.run(["sh", "-c", '"$@" 7>&1 | cat', "sh"] + s.base + ["new", "-d", "-s", "s"],
                           env=s.env, capture_output=True, timeout=10)
        return "ended in %.2f s (exit %d)" % (time.time() - t0, r.returncode)
    except subprocess.TimeoutExpired:
        return "NEVER ENDED (killed after 10 s)"


def fault_user(s):
    if os.getuid() != 0:
        return "skipped (needs root)"
    s.run("new", "-d", "-s", "s")
    os.chmod(s.dir, 0o755)
    os.chmod(s.path, 0o777)
    r = subprocess.run(["su", "nobody", "-s", "/bin/sh", "-c", '"$0" -S "$1" ls', s.binary, s.path],
                       env=s.env, capture_output=True, timeout=10)
    os.chmod(s.dir, 0o700)
    return "exit %d, said \"%s\"" % (r.returncode, short((r.stdout + r.stderr).decode(), 120))


def fault_args(s):
    s.run("new", "-d", "-s", "s")
    rc, out, took = s.run("new-window", "-d", "-t", "s", "true", *(["a"] * 100000), timeout=60)
    return "exit %s in %.2f s%s" % (rc, took, (" \"%s\"" % short(out, 80)) if out else "")


FAULTS = ["huge", "pipe", "stdio", "fdlimit", "stale", "environ", "fifo", "inherit", "user", "args"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("faults", nargs="*", default=FAULTS)
    a = ap.parse_args()
    binary = os.path.abspath(a.bin) if os.path.exists(a.bin) else shutil.which(a.bin)
    for name in a.faults:
        s = Server(binary, "f-" + name)
        try:
            line = globals()["fault_" + name](s)
        except Exception as e:  # a fault that breaks the measurement is a result too
            line = "ERROR %s: %s" % (type(e).__name__, e)
        finally:
            s.close()
        print("%-8s %s" % (name, line), flush=True)


if __name__ == "__main__":
    main()
