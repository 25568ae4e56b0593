"""tmxdrive.py - drive a private tmx server from Python for the soak and load scripts:
run commands, attach clients in ptys, read /proc figures of the server. Stdlib only.

Every run gets its own TMX_TMPDIR and -L socket name, so it never touches a user's
sessions. Pane programs are small shell loops that print consecutive numbers: if tmx
ever loses or reorders output, a capture of the pane shows a gap."""
import errno
import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import subprocess
import tempfile
import termios
import time

# Prints 1, 2, 3... one per line, forever; sleeps `pause` seconds every `burst` lines.
COUNTER = 'i=0; while :; do i=$((i+1)); echo "$i"; [ $((i % {burst})) -eq 0 ] && sleep {pause}; done'
# Prints 1..n as fast as it can, then stays (so its last lines can be checked).
FLOOD = 'seq 1 {n}; exec sleep 100000'


class Tmx:
    def __init__(self, binary, history_limit=2000):
        self.bin = binary
        self.dir = tempfile.mkdtemp(prefix="tmx-soak-")
        self.sock = "soak%d" % os.getpid()
        self.env = dict(os.environ, TMX_TMPDIR=self.dir, HOME=self.dir, SHELL="/bin/sh")
        self.env.pop("TMX", None)
        self.env.pop("TMUX", None)
        self.history_limit = history_limit
        self.clients = []

    def run(self, *args, check=True, timeout=30):
        p = subprocess.run([self.bin, "-L", self.sock, "-f", "/dev/null"] + list(args),
                           env=self.env, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=timeout)
        if check and p.returncode != 0:
            raise RuntimeError("tmx %s: exit %d: %s" % (" ".join(args), p.returncode,
                                                        p.stderr.decode(errors="replace")))
        return p.stdout.decode(errors="replace")

    def start(self, session, command, cols=80, rows=24):
        self.run("new-session", "-d", "-s", session, "-x", str(cols), "-y", str(rows), command)
        self.run("set-option", "-g", "history-limit", str(self.history_limit))

    def server_pid(self):
        return int(self.run("display-message", "-p", "#{pid}").strip())

    def windows(self):
        """Every window as 'session:index' with its pane's command."""
        out = self.run("list-windows", "-a", "-F", "#{session_name}:#{window_index} #{pane_id}")
        return [line.split(" ", 1) for line in out.splitlines() if line]

    def attach(self, session, cols=100, rows=30):
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(self.bin, [self.bin, "-L", self.sock, "-f", "/dev/null", "attach", "-t", session],
                      dict(self.env, TERM="xterm-256color"))
        set_size(fd, cols, rows)
        c = Client(pid, fd)
        self.clients.append(c)
        return c

    def kill(self):
        for c in self.clients:
            c.close()
        self.run("kill-server", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)


class Client:
    def __init__(self, pid, fd):
        self.pid, self.fd = pid, fd
        self.bytes = 0
        self.reading = True  # a client that stops reading (a stuck terminal) is allowed

    def pump(self):
        """Read what the client drew (if this client reads)."""
        if not self.reading or self.fd < 0:
            return
        while True:
            r, _, _ = select.select([self.fd], [], [], 0)
            if not r:
                return
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                self.close()
                return
            if not data:
                self.close()
                return
            self.bytes += len(data)

    def send(self, data):
        if self.fd >= 0:
            try:
                os.write(self.fd, data)
            except OSError:
                pass

    def alive(self):
        if self.pid <= 0:
            return False
        try:
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            pid = self.pid
        if pid == self.pid:
            self.pid = 0
            return False
        return True

    def close(self):
        if self.pid > 0:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.pid = 0
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def set_size(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def proc_status(pid, field):
    """A number from /proc/PID/status, e.g. VmRSS (kB) or voluntary_ctxt_switches."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def fd_count(pid):
    return len(os.listdir("/proc/%d/fd" % pid))


def zombies_of(ppid):
    """Children of ppid in state Z."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] == "Z" and int(fields[1]) == ppid:
            found.append(int(name))
    return found


def gaps(text):
    """Where the numbered lines of a capture are not consecutive: [] if none. The
    first and last lines may be cut (the screen's edge, a line being printed)."""
    nums = []
    for line in text.splitlines():
        line = line.strip()
        if line.isdigit():
            nums.append(int(line))
        elif line:
            nums.append(None)
    nums = nums[1:-1]
    bad = []
    for a, b in zip(nums, nums[1:]):
        if a is None or b is None or b != a + 1:
            bad.append((a, b))
    return bad
