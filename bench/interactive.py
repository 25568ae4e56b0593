#!/usr/bin/python3
"""interactive.py - bytes a multiplexer sends to its client's terminal during a recorded interactive session.

    bench/interactive.py                          tmux vs mux, 3 rounds (about 2 min)
    bench/interactive.py --quick                  one round (about 40 s)
    MUX_BIN=./build/tmx bench/interactive.py --targets raw,tmux,mux --json out.json
    MUX_BIN=/usr/bin/tmux bench/interactive.py    fairness check: the mux column must match the tmux one
Prints a markdown table on stdout, progress on stderr. Exit 0; 1 if a scene's check failed for any target (the cell
is marked "!" and the failure listed); 130 if interrupted, after removing every process it started.

System python3, stdlib only. Keystroke-to-echo latency is measured by /work/shared/bench/muxbench.py, not here.

What is measured. Each target runs one client in an outer pty of 120x40 (TERM=xterm-256color) that this script
drains continuously; the figure is the number of bytes the client wrote to that terminal, i.e. what would cross an
SSH link to the user's terminal emulator. The same keystrokes are written to the outer pty for every target, with
the same pacing (seeded jitter, identical for every target and round):
  startup  from spawning the client until its first screen is drawn and quiet (the prompt is up).
  shell    typing `ls -la /usr/bin | head -50`, `echo hello world`, `seq 1 200` (each followed by Enter; the typist
           waits for the output to settle, 150 ms quiet, before the next command).
  less     `less g.txt` (g.txt = a copy of /usr/share/common-licenses/GPL-3 in the working directory), Space x15,
           j x5, k x3, G, g, q.
  vi       `vi g.txt`, where the shell has `alias vi='vim -u NONE -i NONE -n'` (plain vi if vim is absent): j x6,
           k x3, o + three words + Esc, j x2, dd x3, A + a word + Esc, `:q!`.
  top      `top -d 0.5` (`htop -d 5` if htop is installed), 5 s, q.
  exit     `kill-server` run from outside; until the client has exited (its farewell and terminal restore).
Typed characters are 30-80 ms apart; navigation keys (Space, j, k, G, g, dd, Esc) 60-150 ms apart. After every scene the
script waits for 300 ms of quiet (at most 8 s) before the next one, and those bytes count for the scene.
"total" is the sum of the scenes. Cells are medians over the rounds; "mux/tmux" is the median of the per-round ratios.

Targets:
  raw   the shell runs directly in the outer pty (no multiplexer): the floor, what the programs themselves wrote
        plus the tty's echo (TERM=xterm-256color inside).
  tmux  /usr/bin/tmux (TMUX_BIN overrides), `tmux -L benchtmux -f /dev/null new -s bench -x 120 -y 40`.
  mux   $MUX_BIN (default ./build/tmx), same command line with -L benchmux.
Both multiplexers give their panes TERM=tmux-256color, so the programs inside emit the same sequences; what differs
is only how each multiplexer redraws them for the client.

Isolation: each target gets a private temp dir as HOME, TMUX_TMPDIR, TMX_TMPDIR and working directory; TMUX and TMX
are unset; the environment is rebuilt from scratch (PATH, HOME, USER, LOGNAME, LANG=C.UTF-8, TERM, SHELL=/bin/sh,
PS1='bench$ ', ENV=HOME/.shrc, TZ). The shell is dash (/bin/sh); HOME/.shrc (read by every interactive dash, login
or not) sets PS1 and the vi alias, so the raw shell and the panes behave the same. The outer
terminal answers no queries (the client gets no DA/XTVERSION replies). The script makes itself a child subreaper
(prctl PR_SET_CHILD_SUBREAPER), so the multiplexer servers stay its descendants; at the end of every run it kills
and reaps its whole process tree by PID, never by name.

Checks (loose). A diffing renderer only sends the cells that changed, so the text a user sees need not appear
contiguously in the byte stream. After the run (so it costs the target no time) the client's whole output is
replayed through a small screen model (class Screen) and the screen is read at checkpoints: after each shell command
has settled, after G and g in less, after each insert in vi, before q in top, at the end of every scene. Each scene
wants some text on one of its checkpoint screens (or in its bytes with escape sequences removed): the prompt; the
last line of the ls, the lines "hello world", "198", "199", "200" and the prompt after seq; GPL-3's title and the
last line of GPL-3 (after G); the words inserted in vi; top's "load average"; the client's "[server exited]". A
target that fails is flagged ("!" in its cell, listed under "errors", exit status 1), not silently counted.
With both tmux and mux in the run, their checkpoint screens (rows above the status line; top left out) are also
compared round by round: "mux screens identical to tmux's: N/N". A rendering bug in either shows up there.

MUX_BIN and TMUX_BIN are copied to a private directory before the first round, so a rebuild during the run cannot
mix two versions in one table; the header names each binary with its sha256 prefix and mtime.
--dump DIR writes each scene's raw bytes to DIR/TARGET-rROUND-SCENE.bin and its checkpoint screens to
DIR/TARGET-rROUND-SCENE.screens.txt, for inspection.
"""
import argparse
import codecs
import ctypes
import fcntl
import json
import os
import pty
import random
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import unicodedata

now = time.monotonic
COLS, ROWS = 120, 40
GPL = "/usr/share/common-licenses/GPL-3"
PS1 = "bench$ "
SCENES = ["startup", "shell", "less", "vi", "top", "exit"]
QUIET = 0.3          # end of a scene: this much silence
SCENE_MAX = 8.0      # ... but no longer than this
CMD_QUIET = 0.15     # after Enter in the shell: the typist waits for the output to settle


def log(*a):
    print(*a, file=sys.stderr, flush=True)


class Interrupted(Exception):
    pass


def on_signal(signum, frame):
    raise Interrupted()


# ---------------------------------------------------------------- process tree

def set_subreaper():
    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_CHILD_SUBREAPER = 36
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        log("warning: prctl(PR_SET_CHILD_SUBREAPER) failed; daemons may escape cleanup")


def descendants():
    """PIDs of every process below this one (the subreaper keeps orphaned daemons here)."""
    parent = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                st = f.read()
            parent[int(d)] = int(st[st.rindex(")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            pass
    me, out = os.getpid(), []
    for pid in parent:
        p, seen = pid, 0
        while p in parent and p > 1 and seen < 64:
            p = parent[p]
            seen += 1
            if p == me:
                out.append(pid)
                break
    return out


def reap_all():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def kill_tree(grace=1.0):
    """TERM then KILL every descendant, by PID, and reap them."""
    pids = descendants()
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        end = now() + grace
        while now() < end:
            reap_all()
            pids = descendants()
            if not pids:
                return
            time.sleep(0.02)
    reap_all()


# ---------------------------------------------------------------- terminal output

ESC_RE = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]"               # CSI
                    rb"|\x1b[\]P_^X].*?(?:\x07|\x1b\\)"         # OSC, DCS, APC, PM, SOS
                    rb"|\x1b[ -/]*[0-~]", re.S)                 # other ESC sequences (charset, DECSC, ...)


def visible(data):
    """The text in a byte stream: escape sequences removed, control characters turned into newlines."""
    s = ESC_RE.sub(b"", bytes(data)).decode("utf-8", "replace")
    return re.sub(r"[\x00-\x1f\x7f]+", "\n", s)


class Screen:
    """A small VT100/xterm screen model, enough to know which text a terminal would show: printing with autowrap
    (pending wrap), CR LF BS HT, CUU CUD CUF CUB CNL CPL CHA HPA HPR CUP VPA VPR, ED EL ECH ICH DCH IL DL SU SD REP,
    DECSTBM, IND RI NEL, DECSC DECRC (and CSI s/u), the alternate screen (?47/?1047/?1049). Attributes, modes,
    queries, OSC/DCS strings are parsed and ignored. Wide characters take two cells."""

    def __init__(self, rows=ROWS, cols=COLS):
        self.rows, self.cols = rows, cols
        self.main = self._blank_grid()
        self.alt = None
        self.grid = self.main
        self.y = self.x = 0
        self.top, self.bot = 0, rows - 1
        self.wrap = False
        self.saved = (0, 0)
        self.last = " "
        self.state, self.seq = "ground", ""
        self.dec = codecs.getincrementaldecoder("utf-8")("replace")

    def _blank_grid(self):
        return [[" "] * self.cols for _ in range(self.rows)]

    def text(self):
        return "\n".join("".join(c for c in row if c is not None).rstrip() for row in self.grid)

    # -- helpers
    def _clamp(self):
        self.y = max(0, min(self.rows - 1, self.y))
        self.x = max(0, min(self.cols - 1, self.x))
        self.wrap = False

    def _scroll_up(self, n, top=None, bot=None):
        top = self.top if top is None else top
        bot = self.bot if bot is None else bot
        n = min(n, bot - top + 1)
        g = self.grid
        del g[top:top + n]
        for _ in range(n):
            g.insert(bot - n + 1, [" "] * self.cols)

    def _scroll_down(self, n, top=None, bot=None):
        top = self.top if top is None else top
        bot = self.bot if bot is None else bot
        n = min(n, bot - top + 1)
        g = self.grid
        del g[bot - n + 1:bot + 1]
        for _ in range(n):
            g.insert(top, [" "] * self.cols)

    def _index(self):
        if self.y == self.bot:
            self._scroll_up(1)
        elif self.y < self.rows - 1:
            self.y += 1

    def _put(self, ch):
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if unicodedata.combining(ch):
            return
        if self.wrap:
            self.x = 0
            self._index()
            self.wrap = False
        if w == 2 and self.x == self.cols - 1:
            self.grid[self.y][self.x] = " "
            self.x = 0
            self._index()
        row = self.grid[self.y]
        row[self.x] = ch
        if w == 2:
            row[self.x + 1] = None
        self.last = ch
        if self.x + w >= self.cols:
            self.x = self.cols - 1
            self.wrap = True
        else:
            self.x += w

    # -- input
    def feed(self, data):
        for ch in self.dec.decode(bytes(data)):
            st = self.state
            if st == "ground":
                o = ord(ch)
                if o >= 0x20 and o != 0x7f:
                    self._put(ch)
                elif ch == "\x1b":
                    self.state, self.seq = "esc", ""
                elif ch == "\r":
                    self.x, self.wrap = 0, False
                elif ch in "\n\x0b\x0c":
                    self._index()
                    self.wrap = False
                elif ch == "\b":
                    self.x, self.wrap = max(0, self.x - 1), False
                elif ch == "\t":
                    self.x, self.wrap = min(self.cols - 1, (self.x // 8 + 1) * 8), False
            elif st == "esc":
                if ch == "[":
                    self.state, self.seq = "csi", ""
                elif ch in "]P_^X":
                    self.state = "str"
                elif ch in " #%()*+-./":
                    self.state = "esc2"
                else:
                    self.state = "ground"
                    self._esc(ch)
            elif st == "esc2":
                self.state = "ground"
            elif st == "csi":
                if "\x40" <= ch <= "\x7e":
                    self.state = "ground"
                    self._csi(self.seq, ch)
                elif ch == "\x1b":
                    self.state, self.seq = "esc", ""
                else:
                    self.seq += ch
            elif st == "str":
                if ch == "\x07":
                    self.state = "ground"
                elif ch == "\x1b":
                    self.state = "stresc"
            elif st == "stresc":
                self.state = "ground" if ch == "\\" else "str"

    def _esc(self, ch):
        if ch == "7":
            self.saved = (self.y, self.x)
        elif ch == "8":
            self.y, self.x = self.saved
            self._clamp()
        elif ch == "D":
            self._index()
        elif ch == "E":
            self.x = 0
            self._index()
        elif ch == "M":
            if self.y == self.top:
                self._scroll_down(1)
            elif self.y > 0:
                self.y -= 1
            self.wrap = False
        elif ch == "c":
            self.__init__(self.rows, self.cols)

    def _csi(self, seq, f):
        priv = seq[:1] if seq[:1] in "<=>?" else ""
        body = seq[len(priv):]
        if any(c in body for c in " !\"#$%&'*+,-./"):
            return                                          # intermediates: DECSCUSR, DECSTR, ... ignored
        try:
            ps = [int(p) if p else 0 for p in body.replace(":", ";").split(";")] if body else []
        except ValueError:
            return
        p1 = ps[0] if ps else 0
        n = max(1, p1)
        if priv == "?":
            if f in "hl" and any(p in (47, 1047, 1049) for p in ps):
                self._alt(f == "h", 1049 in ps)
            return
        if priv:
            return
        g, y, x = self.grid, self.y, self.x
        if f == "A":
            self.y = max(self.top if y >= self.top else 0, y - n)
        elif f == "B" or f == "e":
            self.y = min(self.bot if y <= self.bot else self.rows - 1, y + n)
        elif f == "C" or f == "a":
            self.x = min(self.cols - 1, x + n)
        elif f == "D":
            self.x = max(0, x - n)
        elif f == "E":
            self.y, self.x = min(self.rows - 1, y + n), 0
        elif f == "F":
            self.y, self.x = max(0, y - n), 0
        elif f in "G`":
            self.x = n - 1
        elif f in "Hf":
            self.y, self.x = n - 1, (max(1, ps[1]) if len(ps) > 1 else 1) - 1
        elif f == "d":
            self.y = n - 1
        elif f == "J":
            if p1 == 0:
                g[y][x:] = [" "] * (self.cols - x)
                for r in range(y + 1, self.rows):
                    g[r] = [" "] * self.cols
            elif p1 == 1:
                g[y][:x + 1] = [" "] * (x + 1)
                for r in range(0, y):
                    g[r] = [" "] * self.cols
            elif p1 == 2:
                for r in range(self.rows):
                    g[r] = [" "] * self.cols
        elif f == "K":
            if p1 == 0:
                g[y][x:] = [" "] * (self.cols - x)
            elif p1 == 1:
                g[y][:x + 1] = [" "] * (x + 1)
            elif p1 == 2:
                g[y] = [" "] * self.cols
        elif f == "X":
            e = min(self.cols, x + n)
            g[y][x:e] = [" "] * (e - x)
        elif f == "@":
            row = g[y]
            row[x:x] = [" "] * n
            del row[self.cols:]
        elif f == "P":
            row = g[y]
            del row[x:x + n]
            row.extend([" "] * (self.cols - len(row)))
        elif f == "L":
            if self.top <= y <= self.bot:
                self._scroll_down(n, y, self.bot)
                self.x = 0
        elif f == "M":
            if self.top <= y <= self.bot:
                self._scroll_up(n, y, self.bot)
                self.x = 0
        elif f == "S":
            self._scroll_up(n)
        elif f == "T":
            self._scroll_down(n)
        elif f == "b":
            for _ in range(min(n, self.cols * self.rows)):
                self._put(self.last)
            return
        elif f == "r":
            t = (ps[0] if ps and ps[0] else 1) - 1
            b = (ps[1] if len(ps) > 1 and ps[1] else self.rows) - 1
            if 0 <= t < b < self.rows:
                self.top, self.bot = t, b
                self.y = self.x = 0
        elif f == "s":
            self.saved = (y, x)
        elif f == "u":
            self.y, self.x = self.saved
        else:
            return                                           # SGR, modes, queries, window ops: no text
        self._clamp()

    def _alt(self, on, save_cursor):
        if on and self.alt is None:
            if save_cursor:
                self.saved = (self.y, self.x)
            self.alt = self._blank_grid()
            self.grid = self.alt
        elif not on and self.alt is not None:
            self.alt = None
            self.grid = self.main
            if save_cursor:
                self.y, self.x = self.saved
        self._clamp()


class Term:
    """One client (or shell) in an outer pty, drained continuously into the current scene's buffer."""

    def __init__(self, argv, env, cwd):
        self.buf = bytearray()
        self.all = bytearray()
        self.marks = []
        self.reads = 0
        self.eof = False
        pid, fd = pty.fork()
        if pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
                os.chdir(cwd)
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.last = now()

    def pump(self, until):
        """Read everything until the deadline (monotonic)."""
        while not self.eof:
            left = until - now()
            if left <= 0:
                return
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                self._read()

    def _read(self):
        try:
            d = os.read(self.fd, 65536)
        except OSError:
            d = b""
        if not d:
            self.eof = True
            return
        self.buf += d
        self.all += d
        self.reads += 1
        self.last = now()

    def quiet(self, q=QUIET, limit=SCENE_MAX):
        """Drain until nothing arrived for q seconds (or the limit passed, or EOF)."""
        end = now() + limit
        self.last = now()
        while not self.eof and now() < end:
            left = min(end, self.last + q) - now()
            if left <= 0:
                return
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                self._read()

    def send(self, data, gap):
        """Write the keys one by one; gap() gives the pause after each; output is drained meanwhile."""
        for ch in data:
            os.write(self.fd, ch.encode() if isinstance(ch, str) else ch)
            self.pump(now() + gap())

    def mark(self):
        """A checkpoint: the screen the client has drawn so far is checked here (after the run)."""
        self.marks.append(len(self.all))

    def take(self):
        b, self.buf, self.reads = bytes(self.buf), bytearray(), 0
        return b

    def close(self):
        try:
            os.close(self.fd)
        except OSError:
            pass


# ---------------------------------------------------------------- the recorded session

def expected_ls_last(env):
    out = subprocess.run(["/bin/sh", "-c", "ls -la /usr/bin | head -50"], env=env, capture_output=True,
                         text=True).stdout.splitlines()
    return out[-1].split()[-1] if out else ""


def gpl_last_token():
    with open(GPL, encoding="utf-8") as f:
        lines = [ln for ln in f.read().splitlines() if ln.strip()]
    return max(lines[-1].split(), key=len).strip("<>.")


def play(term, scene, rng, tools, checks):
    """Play one scene's keystrokes. rng is seeded per scene, identical for every target and round."""
    def typing():
        return rng.uniform(0.030, 0.080)

    def nav():
        return rng.uniform(0.060, 0.150)

    def cmd(line, q=CMD_QUIET, limit=SCENE_MAX):
        term.send(line, typing)
        term.send("\r", typing)
        term.quiet(q, limit)
        term.mark()

    if scene == "startup":
        term.quiet(QUIET, SCENE_MAX)
        return [PS1.strip()]
    if scene == "shell":
        cmd("ls -la /usr/bin | head -50")
        cmd("echo hello world")
        cmd("seq 1 200")
        return [checks["ls_last"], ("line", "hello world"), ("line", "198"), ("line", "199"), ("line", "200"),
                ("line", PS1.strip())]
    if scene == "less":
        cmd("less g.txt", q=QUIET)
        term.send(" " * 15, nav)
        term.send("jjjjj", nav)
        term.send("kkk", nav)
        term.send("G", nav)
        term.quiet(0.1, 2)
        term.mark()
        term.send("g", nav)
        term.quiet(0.1, 2)
        term.mark()
        term.send("q", typing)
        return ["GNU GENERAL PUBLIC LICENSE", checks["gpl_last"]]
    if scene == "vi":
        cmd("vi g.txt", q=QUIET)
        term.send("jjjjjj", nav)
        term.send("kkk", nav)
        term.send("o", nav)
        term.send("zebra quagga mongoose", typing)
        term.send("\x1b", nav)
        term.mark()
        term.send("jj", nav)
        for _ in range(3):
            term.send("dd", nav)
        term.send("A", nav)
        term.send(" yakfoo", typing)
        term.send("\x1b", nav)
        term.mark()
        term.send(":q!", typing)
        term.send("\r", typing)
        return ["zebra quagga mongoose", "yakfoo"]
    if scene == "top":
        term.send(tools["top"], typing)
        term.send("\r", typing)
        term.pump(now() + 5.0)
        term.mark()
        term.send("q", typing)
        return ["load average" if "htop" not in tools["top"] else "Load average"]
    raise ValueError(scene)


def make_env(tmp, term):
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": tmp, "TMUX_TMPDIR": tmp, "TMX_TMPDIR": tmp,
           "LANG": "C.UTF-8", "TERM": term, "SHELL": "/bin/sh", "PS1": PS1, "ENV": os.path.join(tmp, ".shrc")}
    for k in ("USER", "LOGNAME", "TZ"):
        if k in os.environ:
            env[k] = os.environ[k]
    return env


def run_target(name, binary, rnd_index, args, tools, checks, dump):
    """One full session for one target. Returns {scene: {"bytes", "reads", "secs", "ok", "missing"}}."""
    tmp = tempfile.mkdtemp(prefix=f"interactive-{name}.")
    res, wants, datas, marks, shots = {}, {}, {}, {}, {}
    term = None
    try:
        with open(os.path.join(tmp, ".shrc"), "w") as f:
            f.write(f"PS1='{PS1}'\nalias vi='{tools['vi']}'\n")
        shutil.copyfile(GPL, os.path.join(tmp, "g.txt"))
        sock = ["-L", "bench" + name, "-f", "/dev/null"]
        env = make_env(tmp, "xterm-256color")
        if name == "raw":
            argv = ["/bin/sh", "-l"]
        else:
            argv = [binary] + sock + ["new", "-s", "bench", "-x", str(COLS), "-y", str(ROWS)]
        term = Term(argv, env, tmp)
        for i, scene in enumerate(SCENES):
            t0 = now()
            m0 = len(term.marks)
            if scene == "exit":
                if name == "raw":
                    want = []
                    term.send("exit\r", lambda: 0.01)
                    term.quiet(QUIET, 3)
                else:
                    want = ["exited"]
                    subprocess.run([binary] + sock + ["kill-server"], env=env, cwd=tmp, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)
                    term.quiet(1.0, 5)
            else:
                want = play(term, scene, random.Random(1000 + i), tools, checks)
                if scene != "startup":
                    term.quiet(QUIET, SCENE_MAX)
            term.mark()
            marks[scene] = term.marks[m0:]
            wants[scene] = want
            reads = term.reads
            datas[scene] = term.take()
            res[scene] = {"bytes": len(datas[scene]), "reads": reads, "secs": round(now() - t0, 3)}
            if term.eof and scene != "exit":
                for s in SCENES[i + 1:]:
                    res[s] = {"bytes": 0, "reads": 0, "secs": 0, "ok": False, "missing": ["client exited early"]}
                break
    finally:
        if term:
            term.close()
        kill_tree()
        shutil.rmtree(tmp, ignore_errors=True)

    # Checks, after the run (so the replay costs no time while the target runs): the client's output is replayed
    # through Screen; a wanted text passes if it is on the screen at one of the scene's checkpoints, or appears
    # in the scene's bytes with the escape sequences removed. ("line", T) wants a screen line equal to T.
    scr, pos = Screen(), 0
    for scene in SCENES:
        if scene not in datas:
            continue
        screens = []
        for off in marks[scene]:
            scr.feed(term.all[pos:off])
            pos = off
            screens.append(scr.text())
        shots[scene] = screens
        text = visible(datas[scene])
        lines = {ln.strip() for sc in screens for ln in sc.split("\n")}
        missing = []
        for w in wants[scene]:
            if isinstance(w, tuple):
                if w[1] not in lines:
                    missing.append(f"line {w[1]!r}")
            elif w not in text and not any(w in sc for sc in screens):
                missing.append(w)
        res[scene].update(ok=not missing, missing=missing)
        if dump:
            base = os.path.join(dump, f"{name}-r{rnd_index}-{scene}")
            with open(base + ".bin", "wb") as f:
                f.write(datas[scene])
            with open(base + ".screens.txt", "w") as f:
                for k, sc in enumerate(screens):
                    f.write(f"---- checkpoint {k + 1}/{len(screens)}\n{sc}\n")
    return res, shots


# ---------------------------------------------------------------- report

def ident(path):
    import hashlib
    with open(path, "rb") as f:
        h = hashlib.sha256(f.read()).hexdigest()[:12]
    mt = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(os.stat(path).st_mtime))
    return f"{path} (sha256 {h}, mtime {mt})"


def screen_agreement(screens, targets):
    """Compare what the client shows (rows above the status line) for mux and tmux at every checkpoint, per round.
    top is left out (its figures change between any two runs). Returns (identical, compared, [where differing])."""
    if "tmux" not in targets or "mux" not in targets:
        return None
    same = total = 0
    where = []
    for r, (a, b) in enumerate(zip(screens["tmux"], screens["mux"])):
        for scene in SCENES:
            if scene == "top" or scene not in a or scene not in b:
                continue
            for k, (x, y) in enumerate(zip(a[scene], b[scene])):
                total += 1
                if x.split("\n")[:ROWS - 1] == y.split("\n")[:ROWS - 1]:
                    same += 1
                else:
                    where.append(f"round {r + 1} {scene} #{k + 1}")
    return same, total, where


def fmt_bytes(n):
    return f"{n:,}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--targets", default="tmux,mux", help="comma list of raw,tmux,mux (default tmux,mux)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="one round")
    ap.add_argument("--json", metavar="FILE", help="write all samples and the summary as JSON")
    ap.add_argument("--dump", metavar="DIR", help="write each scene's raw client bytes to DIR")
    args = ap.parse_args()
    if args.quick:
        args.rounds = 1
    targets = [t for t in args.targets.split(",") if t]
    bins = {"raw": "/bin/sh", "tmux": os.environ.get("TMUX_BIN", "/usr/bin/tmux"),
            "mux": os.environ.get("MUX_BIN", "./build/tmx")}
    for t in targets:
        if t not in bins:
            ap.error(f"unknown target {t}")
        if t != "raw":
            b = bins[t]
            if not (os.path.isfile(b) and os.access(b, os.X_OK)):
                ap.error(f"{t}: {b} is not an executable file (set MUX_BIN / TMUX_BIN)")
            bins[t] = os.path.abspath(b)
    # Run private copies, so a rebuild of MUX_BIN during the run cannot mix two versions in one table.
    snapdir = tempfile.mkdtemp(prefix="interactive-bin.")
    runbins = dict(bins)
    for t in targets:
        if t != "raw":
            runbins[t] = os.path.join(snapdir, t, os.path.basename(bins[t]))
            os.makedirs(os.path.dirname(runbins[t]))
            shutil.copy2(bins[t], runbins[t])
    idents = {t: ident(bins[t]) for t in targets if t != "raw"}
    if args.dump:
        os.makedirs(args.dump, exist_ok=True)
    tools = {"vi": "vim -u NONE -i NONE -n" if shutil.which("vim") else "vi",
             "top": "htop -d 5" if shutil.which("htop") else "top -d 0.5"}
    checks = {"ls_last": expected_ls_last(make_env("/tmp", "xterm-256color")), "gpl_last": gpl_last_token()}

    set_subreaper()
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    samples = {t: [] for t in targets}
    screens = {t: [] for t in targets}
    started = time.time()
    try:
        for r in range(args.rounds):
            order = targets[r % len(targets):] + targets[:r % len(targets)]
            for t in order:
                t0 = now()
                res, shots = run_target(t, runbins[t], r, args, tools, checks, args.dump)
                samples[t].append(res)
                screens[t].append(shots)
                tot = sum(v["bytes"] for v in res.values())
                bad = [s for s, v in res.items() if not v["ok"]]
                log(f"round {r + 1}/{args.rounds} {t:5s} {tot:>9,} bytes  {now() - t0:5.1f} s"
                    + (f"  FAILED: {', '.join(bad)}" if bad else ""))
    except Interrupted:
        log("interrupted; cleaning up")
        kill_tree()
        shutil.rmtree(snapdir, ignore_errors=True)
        sys.exit(130)
    shutil.rmtree(snapdir, ignore_errors=True)

    # summary
    summary, errors = {}, []
    for t in targets:
        summary[t] = {}
        for s in SCENES + ["total"]:
            if s == "total":
                vals = [sum(res[x]["bytes"] for x in SCENES if x in res) for res in samples[t]]
                ok = all(res[x]["ok"] for res in samples[t] for x in SCENES if x in res)
            else:
                vals = [res[s]["bytes"] for res in samples[t] if s in res]
                ok = all(res[s]["ok"] for res in samples[t] if s in res)
                for i, res in enumerate(samples[t]):
                    if s in res and not res[s]["ok"]:
                        errors.append(f"{t} round {i + 1} {s}: missing {res[s]['missing']}")
            summary[t][s] = {"median": statistics.median(vals) if vals else None, "samples": vals, "ok": ok}
    ratio = {}
    if "tmux" in targets and "mux" in targets:
        for s in SCENES + ["total"]:
            rs = [m / x for m, x in zip(summary["mux"][s]["samples"], summary["tmux"][s]["samples"]) if x]
            ratio[s] = statistics.median(rs) if rs else None

    print(f"Bytes sent to the client's terminal (120x40, TERM=xterm-256color), median of {args.rounds} round(s); "
          f"{time.strftime('%Y-%m-%d %H:%M', time.localtime(started))}; vi = `{tools['vi']}`, top = `{tools['top']}`")
    for t in targets:
        if t != "raw":
            print(f"- {t} = {idents[t]}")
    print()
    spread = [t for t in targets if t != "raw"] if args.rounds > 1 else []
    hdr = ["scene"] + targets + (["mux/tmux"] if ratio else []) + [f"{t} min-max" for t in spread]
    print("| " + " | ".join(hdr) + " |")
    print("|" + "---|" * len(hdr))
    for s in SCENES + ["total"]:
        row = [f"**{s}**" if s == "total" else s]
        for t in targets:
            c = summary[t][s]
            row.append(("!" if not c["ok"] else "") + (fmt_bytes(int(c["median"])) if c["median"] is not None
                                                        else "-"))
        if ratio:
            row.append(f"{ratio[s]:.2f}" if ratio[s] is not None else "-")
        for t in spread:
            v = summary[t][s]["samples"]
            row.append(f"{min(v):,}-{max(v):,}" if v else "-")
        print("| " + " | ".join(row) + " |")
    agree = screen_agreement(screens, targets)
    if agree:
        same, total, where = agree
        print(f"\nmux screens identical to tmux's (pane rows, at the {total} checkpoints outside `top`): {same}/{total}"
              + (f"; differing: {', '.join(where[:8])}" if where else ""))
    if errors:
        print()
        print("errors:")
        for e in errors:
            print("- " + e)
    print(f"\n({time.time() - started:.0f} s)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"date": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(started)), "rounds": args.rounds,
                       "binaries": idents, "tools": tools, "summary": summary,
                       "ratio_mux_tmux": ratio, "screens_identical": agree, "samples": samples, "errors": errors},
                      f, indent=1)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
