"""Run a benchmark process and measure it: wall time, peak RSS, and optionally RSS over time.

    measured = run_measured(command)                 # peak RSS from os.wait4
    measured = run_measured(command, sample_every=0.02)   # also VmRSS every 20 ms
    measured = run_measured(command, sample_every=0.05, pss=True)   # and Pss

Peak RSS is the child's ``ru_maxrss`` from ``os.wait4``.  On Linux a child's
``ru_maxrss`` starts from its parent's RSS when it was forked, so the scripts
that use this module keep their own memory small (they import neither numpy nor
pyarrow) and print ``launcher_rss_bytes()`` as the floor below which no figure can go.

``ru_maxrss`` covers one process: for a process that starts others (a Dask local
cluster's workers), os.wait4 gives the largest single peak among the process and its
waited-for descendants, not their sum.  A sample therefore adds up the process and
every descendant still running (found through /proc/PID/task/TID/children): VmRSS,
which counts pages shared between them (libraries, copy-on-write) once per process,
and with ``pss=True`` also Pss from /proc/PID/smaps_rollup, which divides each
shared page among its sharers.  A sampled peak misses what lasts less than the
sampling interval.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field


class BenchFailure(RuntimeError):
    """A benchmark process failed, or two writers disagree."""


@dataclass
class Measured:
    """One finished process."""

    command: list
    wall_seconds: float
    peak_rss_bytes: int
    stdout: str
    # (seconds since start, VmRSS bytes of the process tree) pairs when sampled.
    rss_samples: list = field(default_factory=list)
    # (seconds since start, Pss bytes of the process tree) pairs when sampled with pss=True.
    pss_samples: list = field(default_factory=list)

    @property
    def peak_tree_rss_bytes(self):
        """The highest sampled VmRSS of the process tree (0 without samples)."""
        return max((rss for _, rss in self.rss_samples), default=0)

    @property
    def peak_tree_pss_bytes(self):
        """The highest sampled Pss of the process tree (0 without Pss samples)."""
        return max((pss for _, pss in self.pss_samples), default=0)

    def json_lines(self):
        """The JSON objects the process printed, one per line."""
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip().startswith("{")]

    def last_json(self):
        """The last JSON line the process printed."""
        lines = self.json_lines()
        if not lines:
            raise BenchFailure(f"{' '.join(self.command)} printed no result line")
        return lines[-1]


def proc_kib_field(path, name):
    """The ``name:`` line of a /proc file in kB, as bytes; None once the process has exited."""
    try:
        with open(path, encoding="ascii") as lines:
            for line in lines:
                if line.startswith(name):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def resident_bytes(pid):
    """VmRSS of process ``pid`` in bytes, or None once it has exited."""
    return proc_kib_field(f"/proc/{pid}/status", "VmRSS:")


def proportional_bytes(pid):
    """Pss of process ``pid`` in bytes (its private pages plus its share of shared ones), or None."""
    return proc_kib_field(f"/proc/{pid}/smaps_rollup", "Pss:")


def process_tree(pid):
    """``pid`` and its running descendants (a child is listed under the thread that started it)."""
    tree, pending = [], [pid]
    while pending:
        current = pending.pop()
        tree.append(current)
        try:
            threads = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for thread in threads:
            try:
                with open(f"/proc/{current}/task/{thread}/children", encoding="ascii") as children:
                    pending.extend(int(child) for child in children.read().split())
            except OSError:
                pass
    return tree


def tree_memory(pid, pss):
    """(VmRSS, Pss or None) summed over ``pid``'s process tree; (None, None) once ``pid`` has exited."""
    tree = process_tree(pid)
    rss = [resident_bytes(member) for member in tree]
    if rss[0] is None:
        return None, None
    total_pss = sum(proportional_bytes(member) or 0 for member in tree) if pss else None
    return sum(value or 0 for value in rss), total_pss


def run_measured(command, sample_every=None, pss=False):
    """Run ``command`` to completion; fail with BenchFailure on a non-zero exit.

    stdout goes to a temporary file so that waiting with os.wait4 cannot block on
    a full pipe.  With ``sample_every`` (seconds), the VmRSS of the child and its
    descendants (and with ``pss`` their Pss) is read from /proc that often while
    it runs.
    """
    command = [str(part) for part in command]
    samples = []
    pss_samples = []
    with tempfile.TemporaryFile() as stdout:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG if sample_every else 0)
            if pid:
                break
            rss, proportional = tree_memory(process.pid, pss)
            if rss is not None:
                elapsed = time.perf_counter() - start
                samples.append((elapsed, rss))
                if pss:
                    pss_samples.append((elapsed, proportional))
            time.sleep(sample_every)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        text = stdout.read().decode()
    if process.returncode != 0:
        raise BenchFailure(f"{' '.join(command)} exited with status {process.returncode}")
    # ru_maxrss is in KiB on Linux.
    return Measured(command, seconds, usage.ru_maxrss * 1024, text, samples, pss_samples)


def python(script, *arguments):
    """Command line running one of the scripts beside this module with this interpreter."""
    return [sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), script), *arguments]


def launcher_rss_bytes():
    """This process's peak RSS, the floor of every child's ru_maxrss."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
