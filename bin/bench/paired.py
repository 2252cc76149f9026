"""Medians of the runs that paired.sh measured, and the tables the benchmarks print."""
import os
import statistics


def load(tmp, group):
    """{call: (wall s, CPU s, peak RSS MB, runs)}: medians of $tmp/GROUP/CALL.runs."""
    out = {}
    for f in os.listdir(os.path.join(tmp, group)):
        rows = [l.split() for l in open(os.path.join(tmp, group, f))]
        out[f[:-5]] = (statistics.median(int(r[0]) / 1000 for r in rows),
                       statistics.median(float(r[1]) + float(r[2]) for r in rows),
                       statistics.median(int(r[3]) for r in rows) / 1024, len(rows))
    return out


def calls(rows):
    """A markdown table of (label, medians) rows."""
    print("\n| call | wall s | CPU s | peak RSS MB | runs |\n|---|---|---|---|---|")
    for name, (w, c, m, n) in rows:
        print("| %s | %.3f | %.3f | %.1f | %d |" % (name, w, c, m, n))
    print("\n| comparison | wall | CPU |\n|---|---|---|")


def ratio(what, a, b):
    print("| %s | %.2fx | %.2fx |" % (what, a[0] / b[0], a[1] / b[1]))


def delta(what, a, b):
    print("| %s | %+.3f s | %+.3f s |" % (what, a[0] - b[0], a[1] - b[1]))
