"""tmuxdiff.py - what the differential testers share: the two binaries (tmux 3.3a, the
oracle, and tmx: $TMUX_BIN and $TMX_BIN, else /usr/bin/tmux and the repo's build-rel/tmx)
and an environment of their own (a temporary TMX_TMPDIR, TMUX_TMPDIR and HOME, removed
at exit), so a run never touches a user's sessions."""
import atexit
import os
import shutil
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
B = {
    'tmux': os.environ.get('TMUX_BIN', '/usr/bin/tmux'),
    'tmx': os.environ.get('TMX_BIN', os.path.join(HERE, '..', '..', 'build-rel', 'tmx')),
}
TMP = tempfile.mkdtemp(prefix='tmux-diff-')
atexit.register(shutil.rmtree, TMP, True)
ENV = dict(os.environ, TMX_TMPDIR=TMP, TMUX_TMPDIR=TMP, HOME=TMP, TERM='xterm-256color',
           LANG='C.UTF-8')
