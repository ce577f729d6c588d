"""Run a benchmark process and measure it: wall time, peak RSS, and optionally RSS over time.

    measured = run_measured(command)                 # peak RSS from os.wait4
    measured = run_measured(command, sample_every=0.02)   # also VmRSS every 20 ms

Peak RSS is the child's ``ru_maxrss`` from ``os.wait4``.  On Linux a child's
``ru_maxrss`` starts from its parent's RSS when it was forked, so the scripts
that use this module keep their own memory small (they import neither numpy nor
pyarrow) and print ``launcher_rss_bytes()`` as the floor below which no figure can go.
"""

import json
import os
import resource
import subprocess
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
    # (seconds since start, VmRSS bytes) pairs when sampled.
    rss_samples: list = field(default_factory=list)

    def json_lines(self):
        """The JSON objects the process printed, one per line."""
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip().startswith("{")]

    def last_json(self):
        """The last JSON line the process printed."""
        lines = self.json_lines()
        if not lines:
            raise BenchFailure(f"{' '.join(self.command)} printed no result line")
        return lines[-1]


def resident_bytes(pid):
    """VmRSS of process ``pid`` in bytes, or None once it has exited."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def run_measured(command, sample_every=None):
    """Run ``command`` to completion; fail with BenchFailure on a non-zero exit.

    stdout goes to a temporary file so that waiting with os.wait4 cannot block on
    a full pipe.  With ``sample_every`` (seconds), the child's VmRSS is read from
    /proc that often while it runs.
    """
    command = [str(part) for part in command]
    samples = []
    with tempfile.TemporaryFile() as stdout:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG if sample_every else 0)
            if pid:
                break
            rss = resident_bytes(process.pid)
            if rss is not None:
                samples.append((time.perf_counter() - start, rss))
            time.sleep(sample_every)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        text = stdout.read().decode()
    if process.returncode != 0:
        raise BenchFailure(f"{' '.join(command)} exited with status {process.returncode}")
    # ru_maxrss is in KiB on Linux.
    return Measured(command, seconds, usage.ru_maxrss * 1024, text, samples)


def launcher_rss_bytes():
    """This process's peak RSS, the floor of every child's ru_maxrss."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
