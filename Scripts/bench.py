"""Benchmark the Swift Parquet writer against pyarrow on the same workloads.

Usage:
    bench.py --swift-bin PATH [--read-bin PATH] [--object-json ../shared/data/dp02_object.json]
             [--narrow-rows 1000000] [--object-rows 20000] [--repeat 3]
             [--out-dir DIR] [--json FILE]

For each workload (narrow, object) and codec (none, snappy), and for the
object workload also with BYTE_STREAM_SPLIT + ZSTD (``bss-zstd``) and with data
page v2 (``v2-snappy``), pyarrow given the same settings, runs the Swift
binary (``PATH --workload W --codec C --rows N --object-json P --out FILE``)
and Scripts/bench_pyarrow.py, each as its own process, --repeat times.  The
narrow workload also runs the Swift binary with ``--api columns`` (writer
``swift-cols``): ``appendColumns`` batches of 65,536 rows instead of row appends.  Each
prints ``{"seconds": s, "rows": n, "input_bytes": b}``; the best time is kept
and the process's peak RSS is taken from os.wait4.  pyarrow then checks that
the two files hold equal tables, and any difference aborts the run.  Prints
a table of rows/s, input MB/s, peak RSS, file size and the Swift/pyarrow
speed ratio (pyarrow seconds / Swift seconds; above 1 means Swift is faster).

With --read-bin, decoding is compared too: the pyarrow-written object/snappy
file is read by ``PATH --file F --threads <cpu count>`` (which decodes every
column chunk into typed buffers) and by Scripts/bench_pyarrow_read.py
(``pq.read_table(F)``, threads on), each --repeat times; the table shows them
as workload ``read``, with the file's uncompressed column data as input bytes.

Peak RSS: on Linux a child's ru_maxrss starts from the parent's RSS at fork
time (the kernel records the pre-exec memory's high-water mark).  This script
therefore never imports pyarrow itself (the table comparison runs in
Scripts/same_table.py) and prints its own RSS as the floor of the figures.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass

from measure import BenchFailure, launcher_rss_bytes, run_measured

SCRIPTS_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(SCRIPTS_DIR)
BENCH_PYARROW = os.path.join(SCRIPTS_DIR, "bench_pyarrow.py")
BENCH_PYARROW_READ = os.path.join(SCRIPTS_DIR, "bench_pyarrow_read.py")
SAME_TABLE = os.path.join(SCRIPTS_DIR, "same_table.py")
DEFAULT_OBJECT_JSON = os.path.join(REPO_ROOT, "..", "shared", "data", "dp02_object.json")
WORKLOADS = ("narrow", "object")
CODECS = ("none", "snappy")
# Settings the DP0.2 Object workload also runs with: BYTE_STREAM_SPLIT for floating
# point, no dictionary, ZSTD level 3; and data page v2 with snappy.
OBJECT_EXTRA_CODECS = ("bss-zstd", "v2-snappy")
WRITERS = ("swift", "pyarrow")
MB = 1_000_000


@dataclass
class Run:
    """One process run: its own timing line plus its peak RSS."""

    seconds: float
    rows: int
    input_bytes: int
    peak_rss_bytes: int


@dataclass
class Result:
    """Best-of-N result of one writer on one workload and codec."""

    workload: str
    codec: str
    writer: str
    seconds: float
    all_seconds: list
    rows: int
    input_bytes: int
    peak_rss_bytes: int
    file_bytes: int

    @property
    def rows_per_second(self):
        """Rows written per second (best run)."""
        return self.rows / self.seconds

    @property
    def input_mb_per_second(self):
        """Input megabytes (10^6 bytes) per second (best run)."""
        return self.input_bytes / MB / self.seconds


def run_timed(command):
    """Run ``command``; return its timing line and peak RSS."""
    measured = run_measured(command)
    reported = measured.last_json()
    return Run(float(reported["seconds"]), int(reported["rows"]), int(reported["input_bytes"]),
               measured.peak_rss_bytes)


def writer_command(writer, args, workload, codec, out):
    """Command line running ``writer`` on one workload and codec."""
    rows = args.narrow_rows if workload == "narrow" else args.object_rows
    common = ["--workload", workload, "--codec", codec, "--rows", str(rows),
              "--object-json", args.object_json, "--out", out]
    if writer == "swift":
        return [args.swift_bin] + common
    return [sys.executable, BENCH_PYARROW] + common


def measure(writer, args, workload, codec, out, command=None):
    """Run one writer (or the given command) --repeat times; keep the best time and the
    highest peak RSS."""
    runs = []
    for attempt in range(1, args.repeat + 1):
        print(f"  {workload}/{codec} {writer} run {attempt}/{args.repeat}", file=sys.stderr, flush=True)
        runs.append(run_timed(command or writer_command(writer, args, workload, codec, out)))
    if len({(r.rows, r.input_bytes) for r in runs}) != 1:
        raise BenchFailure(f"{writer} {workload}/{codec}: rows or input_bytes differ between runs")
    return Result(workload, codec, writer, min(r.seconds for r in runs), [r.seconds for r in runs],
                  runs[0].rows, runs[0].input_bytes, max(r.peak_rss_bytes for r in runs),
                  os.path.getsize(out))


def verify_same_table(swift_file, pyarrow_file, case):
    """Fail unless pyarrow reads equal tables (ignoring metadata) from both files."""
    completed = subprocess.run([sys.executable, SAME_TABLE, swift_file, pyarrow_file],
                               capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise BenchFailure(f"{case}: Swift and pyarrow files differ: "
                           f"{(completed.stdout + completed.stderr).strip()}")


def run_case(args, workload, codec, out_dir):
    """Measure both writers on one case and check they wrote the same data."""
    results = {}
    for writer in WRITERS:
        out = os.path.join(out_dir, f"{workload}_{codec}_{writer}.parquet")
        results[writer] = measure(writer, args, workload, codec, out)
    case = f"{workload}/{codec}"
    swift, arrow = results["swift"], results["pyarrow"]
    if (swift.rows, swift.input_bytes) != (arrow.rows, arrow.input_bytes):
        raise BenchFailure(f"{case}: writers report different data: swift rows={swift.rows} "
                           f"input_bytes={swift.input_bytes}, pyarrow rows={arrow.rows} "
                           f"input_bytes={arrow.input_bytes}")
    verify_same_table(os.path.join(out_dir, f"{workload}_{codec}_swift.parquet"),
                      os.path.join(out_dir, f"{workload}_{codec}_pyarrow.parquet"), case)
    measured = [swift, arrow]
    if workload == "narrow":
        out = os.path.join(out_dir, f"{workload}_{codec}_swift-cols.parquet")
        columns = measure("swift-cols", args, workload, codec, out,
                          writer_command("swift", args, workload, codec, out) + ["--api", "columns"])
        if (columns.rows, columns.input_bytes) != (arrow.rows, arrow.input_bytes):
            raise BenchFailure(f"{case}: swift-cols reports different data from pyarrow")
        verify_same_table(out, os.path.join(out_dir, f"{workload}_{codec}_pyarrow.parquet"), case + " (columns)")
        measured.append(columns)
    return measured


def run_read_case(args, out_dir):
    """Measure the Swift reader and pyarrow's read_table decoding the pyarrow-written
    object/snappy file."""
    path = os.path.join(out_dir, "object_snappy_pyarrow.parquet")
    commands = {
        "swift": [args.read_bin, "--file", path, "--threads", str(os.cpu_count() or 1)],
        "pyarrow": [sys.executable, BENCH_PYARROW_READ, "--file", path],
    }
    results = [measure(reader, args, "read", "snappy", path, command) for reader, command in commands.items()]
    if len({(r.rows, r.input_bytes) for r in results}) != 1:
        raise BenchFailure("read/snappy: the readers report different rows or input bytes")
    return results


def speed_ratio(results, workload, codec, writer="swift"):
    """pyarrow seconds / Swift seconds (row appends, or ``swift-cols``) for one case."""
    by_writer = {r.writer: r for r in results if (r.workload, r.codec) == (workload, codec)}
    return by_writer["pyarrow"].seconds / by_writer[writer].seconds


def print_table(results):
    """Print one row per case and writer, with the speed ratio on Swift rows."""
    header = (f"{'workload':<9} {'codec':<10} {'writer':<10} {'rows/s':>13} {'input MB/s':>11} "
              f"{'peak RSS MB':>12} {'file MB':>9} {'swift/pyarrow':>14}")
    print(header)
    print("-" * len(header))
    for r in results:
        ratio = f"{speed_ratio(results, r.workload, r.codec, r.writer):.2f}x" if r.writer != "pyarrow" else ""
        print(f"{r.workload:<9} {r.codec:<10} {r.writer:<10} {r.rows_per_second:>13,.0f} "
              f"{r.input_mb_per_second:>11.1f} {r.peak_rss_bytes / MB:>12.1f} "
              f"{r.file_bytes / MB:>9.2f} {ratio:>14}")


def save_json(results, path):
    """Write every result (and the derived rates and ratios) to ``path``."""
    records = []
    for r in results:
        record = asdict(r)
        record.update(rows_per_second=r.rows_per_second, input_mb_per_second=r.input_mb_per_second)
        record["swift_over_pyarrow_speed"] = speed_ratio(results, r.workload, r.codec,
                                                         r.writer if r.writer != "pyarrow" else "swift")
        records.append(record)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(records, f, indent=1)


def parse_arguments(argv):
    """Command-line arguments."""
    parser = argparse.ArgumentParser(description="Benchmark the Swift writer against pyarrow.")
    parser.add_argument("--swift-bin", required=True, help="the Swift benchmark executable")
    parser.add_argument("--read-bin", help="the Swift reader benchmark executable; compares decoding when given")
    parser.add_argument("--object-json", default=DEFAULT_OBJECT_JSON)
    parser.add_argument("--narrow-rows", type=int, default=1_000_000)
    parser.add_argument("--object-rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out-dir", help="keep the written files here (default: a temporary directory)")
    parser.add_argument("--json", help="also save the results to this JSON file")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    args.swift_bin = os.path.abspath(args.swift_bin)
    if args.read_bin:
        args.read_bin = os.path.abspath(args.read_bin)
    args.object_json = os.path.abspath(args.object_json)
    return args


def main(argv):
    """Run every case; return the exit status."""
    args = parse_arguments(argv)
    out_dir = args.out_dir or tempfile.mkdtemp(prefix="parquet-bench-")
    os.makedirs(out_dir, exist_ok=True)
    try:
        results = []
        for workload in WORKLOADS:
            for codec in CODECS:
                results += run_case(args, workload, codec, out_dir)
        for codec in OBJECT_EXTRA_CODECS:
            results += run_case(args, "object", codec, out_dir)
        if args.read_bin:
            results += run_read_case(args, out_dir)
    except BenchFailure as failure:
        print(f"BENCHMARK FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if not args.out_dir:
            shutil.rmtree(out_dir, ignore_errors=True)
    print_table(results)
    print(f"(no peak RSS can be below this launcher's {launcher_rss_bytes() / MB:.1f} MB, inherited at fork)")
    if args.json:
        save_json(results, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
