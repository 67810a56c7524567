"""Benchmark: `mkdocs build` of one project with an older copy of the code and with this one.

    git archive COMMIT builder | tar -x -C /tmp/old      # the code to compare with
    python bench/compare_builds.py PROJECT /tmp/old [--runs 3]

PROJECT is a built project, e.g. the one `bench/scale.py --keep DIR` leaves in DIR/project.
The two builds run in turn (old, new, old, new, ...), each a child process whose own CPU,
wall time and peak memory are measured as `bench/scale.py` measures them; prints each pair,
the medians and the median of the pairs' ratios.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import Run, run

ROOT = Path(__file__).resolve().parent.parent


def mkdocs_with(code: Path) -> list[str]:
    """`mkdocs build -q` importing the `builder` package from `code` (the editable
    install's finder removed), writing its own peak memory as `scale.MKDOCS_MEASURED`."""
    return [sys.executable, "-c", (
        "import atexit, os, resource, runpy, sys\n"
        "atexit.register(lambda: open(os.environ['BENCH_RSS_FILE'], 'w').write("
        "str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))\n"
        "sys.meta_path[:] = [f for f in sys.meta_path\n"
        "                    if 'editable' not in getattr(f, '__module__', '')]\n"
        f"sys.path.insert(0, {str(code)!r})\n"
        "sys.argv = ['mkdocs', *sys.argv[1:]]\n"
        "runpy.run_module('mkdocs', run_name='__main__')\n"), "build", "-q"]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("old", type=Path, help="a folder holding the older `builder` package")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    old: list[Run] = []
    new: list[Run] = []
    for number in range(1, args.runs + 1):
        old.append(run(mkdocs_with(args.old.resolve()), args.project))
        new.append(run(mkdocs_with(ROOT), args.project))
        print(f"pair {number}: old {old[-1].cpu:.1f} s CPU, {old[-1].wall:.1f} s wall; "
              f"new {new[-1].cpu:.1f} s CPU, {new[-1].wall:.1f} s wall", flush=True)
    median = statistics.median
    for name, runs in (("old", old), ("new", new)):
        print(f"{name}: CPU {median([r.cpu for r in runs]):.2f} s, wall "
              f"{median([r.wall for r in runs]):.2f} s, peak of the Python process "
              f"{median([r.own_peak_mib for r in runs]):.0f} MiB (medians)")
    pairs = list(zip(new, old, strict=True))
    print(f"new / old, median of the pairs: CPU {median([n.cpu / o.cpu for n, o in pairs]):.3f}"
          f", wall {median([n.wall / o.wall for n, o in pairs]):.3f}")


if __name__ == "__main__":
    main()
