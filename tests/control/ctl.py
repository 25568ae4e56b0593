"""ctl.py - drive a control-mode client (tmux -C or tmx -C) as a program would: start it
with a private socket directory, send one command line at a time, read the lines it
prints, wait for a command's %end/%error or for a pane's output. Shared by
tests/control/run.py and bench/control_output.py."""
import os
import re
import select
import shutil
import subprocess
import tempfile
import time


class Timeout(Exception):
    pass


class Control:
    """One control client and its private server."""

    def __init__(self, binary, args, flag="-C", config="", env_extra=None):
        self.binary = binary
        self.top = tempfile.mkdtemp(prefix="ctl.")
        os.mkdir(os.path.join(self.top, "home"))
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.path.join(self.top, "home"),
            "TMUX_TMPDIR": self.top,
            "TMX_TMPDIR": self.top,
            "TERM": "xterm-256color",
            "SHELL": "/bin/sh",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TZ": "UTC",
        }
        # Under ASan, freed memory waits in a quarantine (256 MiB): the memory tests
        # would measure that. A small one keeps RSS meaning what the server holds.
        asan = os.environ.get("ASAN_OPTIONS", "")
        self.env["ASAN_OPTIONS"] = (asan + ":" if asan else "") + \
            "quarantine_size_mb=1:thread_local_quarantine_size_kb=64"
        for name in ("UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if name in os.environ:
                self.env[name] = os.environ[name]
        if env_extra:
            self.env.update(env_extra)
        conf = os.path.join(self.top, "conf")
        with open(conf, "w") as f:
            f.write(config)
        self.proc = subprocess.Popen([binary, "-f", conf, "-L", "ctl", flag] + args,
                                     cwd=self.top, env=self.env, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     start_new_session=True)
        self.buf = b""
        self.lines = []     # every complete line read, in order
        self.raw = b""      # every byte read
        self.eof = False

    def cli(self, *args):
        """Run a plain command-line client of the same server."""
        return subprocess.run([self.binary, "-L", "ctl"] + list(args), cwd=self.top,
                              env=self.env, stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=20)

    def server_pid(self):
        r = self.cli("display", "-p", "#{pid}")
        return int(r.stdout.strip())

    def send(self, line):
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()

    def _read(self, timeout):
        if self.eof:
            return False
        r, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not r:
            return False
        data = os.read(self.proc.stdout.fileno(), 1 << 16)
        if not data:
            self.eof = True
            return False
        self.raw += data
        self.buf += data
        while b"\n" in self.buf:
            line, self.buf = self.buf.split(b"\n", 1)
            self.lines.append(line.decode("utf-8", "replace"))
        return True

    def wait(self, pred, timeout=10):
        """Read until pred(lines) is true."""
        end = time.time() + timeout
        while not pred(self.lines):
            left = end - time.time()
            if left <= 0 or (self.eof and not pred(self.lines)):
                raise Timeout("waited for a condition; last lines: %r" % self.lines[-8:])
            self._read(min(left, 0.2))

    def blocks_done(self):
        return sum(1 for l in self.lines if l.startswith(("%end ", "%error ")))

    def command(self, line, timeout=10):
        """Send one line and wait for its block to end."""
        n = self.blocks_done()
        self.send(line)
        self.wait(lambda ls: self.blocks_done() > n, timeout)

    def output_of(self, pane):
        """Every %output of pane, unescaped and joined."""
        out = b""
        for l in self.lines:
            m = re.match(r"%output (%\d+) (.*)$", l) or \
                re.match(r"%extended-output (%\d+) \d+ .*?: (.*)$", l)
            if m and m.group(1) == pane:
                out += unescape(m.group(2))
        return out

    def wait_output(self, pane, text, timeout=10):
        self.wait(lambda ls: self.output_of(pane).count(text.encode()) >= 1, timeout)

    def settle(self, quiet=0.3, timeout=5):
        """Read until nothing comes for 'quiet' seconds."""
        end = time.time() + timeout
        while time.time() < end:
            if not self._read(quiet):
                return

    def close(self, timeout=10):
        """Detach with an empty line and read to the end."""
        try:
            self.send("")
        except BrokenPipeError:
            pass
        end = time.time() + timeout
        while not self.eof and time.time() < end:
            self._read(0.2)
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        try:
            self.cli("kill-server")
        except Exception:
            pass
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                f.close()
            except Exception:
                pass
        shutil.rmtree(self.top, ignore_errors=True)


def unescape(s):
    """%output's value to bytes: \\ooo octal escapes."""
    out = bytearray()
    b = s.encode("utf-8", "surrogateescape")
    i = 0
    while i < len(b):
        if b[i] == 0x5c and i + 3 < len(b) + 0 and all(0x30 <= c <= 0x37 for c in b[i + 1:i + 4]):
            out.append(int(b[i + 1:i + 4], 8))
            i += 4
        else:
            out.append(b[i])
            i += 1
    return bytes(out)


def normalise(lines):
    """Times to T, command numbers to their order, consecutive %output lines of a pane
    joined (how a read is cut is the kernel's)."""
    out = []
    numbers = {}
    pending = None  # (pane, bytes)

    def flush():
        nonlocal pending
        if pending is not None:
            out.append("%%output %s %r" % (pending[0], pending[1]))
            pending = None

    for l in lines:
        m = re.match(r"%(begin|end|error) (\d+) (\d+) (\d+)$", l)
        if m:
            flush()
            num = numbers.setdefault(m.group(3), len(numbers) + 1)
            out.append("%%%s T %d %s" % (m.group(1), num, m.group(4)))
            continue
        m = re.match(r"%output (%\d+) (.*)$", l)
        if m:
            if pending is not None and pending[0] != m.group(1):
                flush()
            if pending is None:
                pending = (m.group(1), b"")
            pending = (pending[0], pending[1] + unescape(m.group(2)))
            continue
        flush()
        out.append(l)
    flush()
    return out
