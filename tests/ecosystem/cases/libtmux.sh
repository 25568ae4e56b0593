# libtmux (Debian's python3-libtmux) drives `tmux`: a server on its own socket, sessions,
# windows, splits, keys, captures, options, environment, and every property the objects
# read from formats (values that name a time, a pid or a tty are shown as their kind).
. "$ECO_LIB"
cd "$ECO_TMP" || exit 1
/usr/bin/python3 - <<'PY'
import re, time
import libtmux

# history_bytes is the memory the history takes, which differs by design.
VARIES = re.compile(r"(pid|tty|activity|created|attached$|last_attached|time|_flag$|history_bytes)")

def show(obj):
    """Every attribute libtmux read for OBJ, those that vary by run as their kind."""
    d = obj._info if hasattr(obj, "_info") else obj.__dict__
    for k in sorted(d):
        v = d[k]
        if not isinstance(v, (str, int)) or k.startswith("_"):
            continue
        if VARIES.search(k) and v not in ("", None):
            v = "<" + k + ">"
        print(f"  {k}={v}")

def wait(pane, text):
    for _ in range(400):
        if any(text in l for l in pane.capture_pane()):
            return
        time.sleep(0.05)
    raise SystemExit(f"pane never showed {text}")

def wait_line(pane, text):
    """Until a whole line of the pane is text (the typed command holds it too)."""
    for _ in range(400):
        if any(l.rstrip() == text for l in pane.capture_pane()):
            return
        time.sleep(0.05)
    raise SystemExit(f"pane never had the line {text}")

def started(obj):
    """Refresh OBJ until its pane_current_path is known. tmux 3.3a reads it from the pty's
    foreground process, empty until the pane's shell has started (a loaded machine), and a
    session's and a window's fields hold their active pane's: wait for it on both sides."""
    for _ in range(400):
        obj.refresh()
        d = obj._info if hasattr(obj, "_info") else obj.__dict__
        if d.get("pane_current_path"):
            return
        time.sleep(0.05)

def step(name):
    print("## " + name, flush=True)

server = libtmux.Server(socket_name="eco")
step("new_session")
s = server.new_session("work", window_name="edit", x=100, y=30)
print(s, s.session_name, s.session_id)
step("session properties")
started(s)
show(s)
step("new_window and split_window")
w = s.new_window(window_name="build")
p1 = w.attached_pane
p2 = w.split_window(vertical=True)
p3 = w.split_window(vertical=False)
print(w, [str(p) for p in w.panes])
step("window properties")
started(w)
show(w)
step("pane properties")
for p in w.panes:
    started(p)
    show(p)
step("session.windows")
print([f"{x.window_index}:{x.window_name}" for x in s.windows])
step("send_keys and capture_pane")
p2.send_keys("echo hello from libtmux")
wait_line(p2, "hello from libtmux")
print([l for l in p2.capture_pane() if l])
p3.send_keys("printf '%s\\n' a b c", enter=True)
wait_line(p3, "c")
print([l for l in p3.capture_pane() if l])
step("select_layout")
for layout in ("even-horizontal", "even-vertical", "main-horizontal", "main-vertical", "tiled"):
    w.select_layout(layout)
    w.refresh()
    print(layout, w.window_layout, [(p.pane_width, p.pane_height) for p in w.panes])
step("resize and select")
w.select_layout("even-horizontal")
p1.select_pane()
w.refresh()
print(w.attached_pane.pane_index if w.attached_pane else None)
step("rename")
w.rename_window("renamed")
s.rename_session("job")
print(w.window_name, s.session_name, server.has_session("job"), server.has_session("work"))
step("options")
s.set_option("history-limit", 1234)
print(s.show_option("history-limit"))
w.set_window_option("main-pane-width", 30)
print(w.show_window_option("main-pane-width"))
print(sorted(s.show_options().items())[:5])
step("global options")
g = server.cmd("show-options", "-g").stdout
print(len(g) > 20, [l for l in g if l.startswith(("status ", "base-index", "prefix "))])
step("environment")
s.set_environment("ECO_VAR", "value one")
s.unset_environment("ECO_VAR")
s.set_environment("ECO_TWO", "2")
print(s.getenv("ECO_TWO"), s.getenv("ECO_VAR"), sorted(k for k in s.show_environment() if k.startswith("ECO")))
s.remove_environment("ECO_TWO")
print(s.getenv("ECO_TWO"))
step("kill")
p3.cmd("kill-pane")
w.refresh()
print(len(w.panes))
s.new_window(window_name="extra")
s.kill_window("extra")
print([x.window_name for x in s.windows])
step("second session and server.sessions")
s2 = server.new_session("other", x=80, y=24)
print(sorted(x.session_name for x in server.sessions), len(server.windows), len(server.panes))
s2.kill_session()
print(sorted(x.session_name for x in server.sessions))
step("errors")
try:
    server.cmd("select-window", "-t", "nosuch:9")
    print("no error")
except Exception as e:
    print(type(e).__name__)
# tmx puts "tmx: " before tmux's text and may add a hint in brackets after it, on purpose
# (tools/compat-intended.md): what libtmux matches on is tmux's text.
print([re.sub(r" \(.*\)$", "", re.sub(r"^tmx: ", "", l))
       for l in server.cmd("select-window", "-t", "nosuch:9").stderr])
step("kill_server")
server.kill_server()
print(server.is_alive())
PY
