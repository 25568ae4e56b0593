#!/usr/bin/env python3
"""selftest.py - tools/layercheck on the small trees beside this file.

Each folder is a repository root in miniature (common/, server/ and a layer table):
  clean/       includes pointing down in every way the build resolves them, the table
               in its default place (docs/architecture.md): no violation
  upward/      common/ includes a header of server/
  loop2/       two modules of one layer include each other
  loop3/       a -> b -> c -> a, through a header and across folders
  unassigned/  a file no glob of the table matches
  names/       a header name in two folders, an include of nothing, two rows tied
               for a file, a glob matching nothing
and the allowlist: tolerated lines, line numbers ignored, lines that no longer occur.
Run by ctest (layercheck_selftest) or alone: python3 tests/layercheck/selftest.py
"""

import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.path.join(HERE, "..", "..", "tools", "layercheck")


def run(fixture, *extra):
    root = os.path.join(HERE, fixture)
    args = [sys.executable, TOOL, "--root", root]
    table = os.path.join(root, "layers.md")
    if os.path.exists(table):
        args += ["--table", table]
    p = subprocess.run(args + list(extra), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, universal_newlines=True)
    return p.returncode, p.stdout.splitlines(), p.stderr


class LayerCheck(unittest.TestCase):
    def check(self, fixture, want, summary, *extra, rc=None):
        code, out, err = run(fixture, *extra)
        self.assertEqual(err, "")
        self.assertEqual(out, want + [summary])
        self.assertEqual(code, (1 if want else 0) if rc is None else rc)

    def test_clean_tree_passes(self):
        self.check("clean", [], "layers: 9 files in 3 layers, 0 violations")

    def test_most_specific_glob_wins(self):
        # server/mid.* and server/sub/** (mid) are more specific than server/* (top)
        self.check("clean", [
            "common/types.h low", "common/util.c low", "common/util.h low",
            "server/mid.c mid", "server/mid.h mid", "server/sub/deep.c mid",
            "server/sub/deep.h mid", "server/top.c top", "server/top.h top",
        ], "layers: 9 files in 3 layers, 0 violations", "--files", rc=0)

    def test_upward_include(self):
        self.check("upward", [
            'common/low.c:3: upward include of "mid.h" (server/mid.h, layer top) '
            'from layer low',
        ], "layers: 3 files in 2 layers, 1 violation")

    def test_loop_of_two_modules(self):
        self.check("loop2", [
            'server/a.c:2: include loop via "b.h" -- server/a [server/a.c:2] -> '
            'server/b [server/b.c:2] -> server/a',
            'server/b.c:2: include loop via "a.h" -- server/b [server/b.c:2] -> '
            'server/a [server/a.c:2] -> server/b',
        ], "layers: 4 files in 2 layers, 2 violations")

    def test_loop_through_three_modules(self):
        self.check("loop3", [
            'server/a.c:2: include loop via "b.h" -- server/a [server/a.c:2] -> '
            'server/sub/b [server/sub/b.h:1] -> server/sub/c [server/sub/c.c:2] -> server/a',
            'server/sub/b.h:1: include loop via "c.h" -- server/sub/b [server/sub/b.h:1] -> '
            'server/sub/c [server/sub/c.c:2] -> server/a [server/a.c:2] -> server/sub/b',
            'server/sub/c.c:2: include loop via "a.h" -- server/sub/c [server/sub/c.c:2] -> '
            'server/a [server/a.c:2] -> server/sub/b [server/sub/b.h:1] -> server/sub/c',
        ], "layers: 5 files in 1 layer, 3 violations")

    def test_unassigned_file(self):
        self.check("unassigned", [
            "server/main.h: in no layer (no glob of the table matches it)",
        ], "layers: 3 files in 2 layers, 1 violation")

    def test_names_ties_and_stale_globs(self):
        self.check("names", [
            "layers.md: glob `server/gone/*` of layer top matches no file",
            "server/main.c: in several layers equally: top (`server/*`), also (`server/*.c`)",
            'server/main.c:1: "dup.h" names 2 files (server/one/dup.h, server/two/dup.h): '
            "make header names unique",
            'server/main.c:2: "missing.h" is no file of the tree',
        ], "layers: 3 files in 3 layers, 4 violations")

    def allow(self, *lines):
        f = tempfile.NamedTemporaryFile("w", suffix=".allow", delete=False)
        f.write("# a comment\n\n" + "".join(l + "\n" for l in lines))
        f.close()
        self.addCleanup(os.unlink, f.name)
        return f.name

    def test_allowlist_tolerates_what_it_lists(self):
        path = self.allow(
            'server/a.c:2: include loop via "b.h" -- server/a [server/a.c:2] -> '
            'server/b [server/b.c:2] -> server/a',
            # another line number and no loop shown: the same violation
            'server/b.c:7: include loop via "a.h"')
        self.check("loop2", [], "layers: 4 files in 2 layers, 2 violations, "
                   "2 of them in %s" % path, "--allow", path)

    def test_allowlist_reports_what_it_lacks(self):
        path = self.allow('server/a.c:2: include loop via "b.h"')
        self.check("loop2", [
            'server/b.c:2: include loop via "a.h" -- server/b [server/b.c:2] -> '
            'server/a [server/a.c:2] -> server/b',
        ], "layers: 4 files in 2 layers, 2 violations, 1 of them in %s" % path,
            "--allow", path)

    def test_allowlist_only_shrinks(self):
        gone = 'server/a.c:2: upward include of "b.h" (server/b.h, layer top) from layer one'
        path = self.allow(gone)
        self.check("clean", [
            "%s: no longer occurs, remove it: %s" % (path, gone),
        ], "layers: 9 files in 3 layers, 0 violations, 0 of them in %s, "
           "1 line no longer occurring" % path, "--allow", path)

    def test_unusable_table(self):
        rc, out, err = run("clean", "--table", os.path.join(HERE, "selftest.py"))
        self.assertEqual(rc, 2)
        self.assertIn("no table between", err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
