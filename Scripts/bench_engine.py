"""Benchmark the VOParquet write path on DP0.2 Object rows with realistic values, next to Python writers.

Usage:
    bench_engine.py --bench-bin .build/release/voparquet-bench --object-json PATH
                    [--rows 20000 200000] [--repeat 3] [--files 5] [--library-rows 20000]
                    [--with-2m] [--read-rows N] [--large-row-group-bytes N]
                    [--out-dir DIR] [--json FILE]

Every writer writes the same values (Scripts/object_values.py, made identically
by voparquet-bench; Scripts/check_object_values.py checks that first and the
run stops on any difference).  Each writer runs as its own process, --repeat
times; the best time is kept, and the highest peak RSS (os.wait4).  Parts:

1. Writing, for each --rows: voparquet-bench (VOParquetWriter fed row by row,
   values made on the fly) in each of SWIFT_CONFIGURATIONS (snappy without
   dictionary, the defaults, each with one encoding thread and with one per
   processor, and the defaults with a memory limit so large that nothing
   spills), its time minus that
   of ``voparquet-bench write --generate-only`` (the same values made and
   dropped); pyarrow ``write_table``, polars ``write_parquet``, DuckDB ``COPY TO``
   and the service's pyarrow path (Scripts/bench_competitor.py, values
   generated before timing).  voparquet-bench's snappy, no-dictionary file must
   hold the same table as pyarrow's and the service's, and polars' and DuckDB's
   the same values (Scripts/same_table.py).  Table: seconds, rows/s, speed
   against polars and against the service (their seconds / ours), peak RSS, the
   RSS the Python writers held in data before writing, file size.
2. Library path: --files files of --library-rows rows one after another in one
   voparquet-bench process (VOParquetWriter defaults); RSS before and after each
   file and the peak.
3. Memory across sizes: voparquet-bench with voparquet convert's defaults (zstd,
   dictionary) at each --rows (and 2,000,000 with --with-2m, generated on the
   fly: about 7 GB of output, deleted after): peak RSS, row groups, footer size,
   file size, and the spread of the peak RSS.
4. Reading: at --read-rows (default: the largest --rows), a file with small row
   groups (``--row-group-bytes 8388608``: the 8 MiB target, about 1,800 DP0.2
   Object rows per row group) against one with the defaults (or
   --large-row-group-bytes):
   Scripts/bench_read.py times pyarrow opening each, reading one column, and
   DuckDB's avg() of it, and prints the speed-ups.

Any failure prints ``BENCHMARK FAILED: ...`` and exits 1.  With --json, every
figure is saved for Scripts/bench_charts.py and Scripts/bench_markdown.py.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass

from measure import BenchFailure, launcher_rss_bytes, python, run_measured

SCRIPTS = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OBJECT_JSON = os.path.join(os.path.dirname(SCRIPTS), "..", "shared", "data", "dp02_object.json")
MB = 1_000_000
# voparquet-bench settings timed at every size.  The 1 GiB memory limit holds a whole
# row group in memory, so against the defaults (32 MiB) it shows what the budget
# changes: spilling, pages closed at each column's share, dictionaries that fall
# back past theirs.  Issue 10
# asks for each figure with one thread and with all cores: once voparquet-bench
# takes --threads N, add ("..., 1 thread", [..., "--threads", "1"]) rows here.
SWIFT_CONFIGURATIONS = (
    ("snappy, no dictionary", ["--codec", "snappy", "--no-dictionary"]),
    ("snappy, no dictionary, 1 thread", ["--codec", "snappy", "--no-dictionary", "--threads", "1"]),
    ("defaults (snappy, dictionary)", []),
    ("defaults, 1 thread", ["--threads", "1"]),
    ("defaults, --memory-limit 1 GiB", ["--memory-limit", str(1 << 30)]),
)
# Scripts/bench_competitor.py writers and what they do.
COMPETITORS = (
    ("pyarrow", "write_table, snappy"),
    ("polars", "write_parquet, snappy"),
    ("duckdb", "COPY TO, snappy"),
    ("service", "pyarrow, tuples, 2,000-row batches, snappy, no dictionary"),
)
# The voparquet-bench settings whose file must equal pyarrow's and the service's.
REFERENCE_SETTINGS = SWIFT_CONFIGURATIONS[0][0]
# voparquet convert's defaults, for the memory and reading parts.
CONVERT_DEFAULTS = ["--codec", "zstd"]
SMALL_ROW_GROUP_BYTES = 8 << 20
FLATNESS_EXTRA_ROWS = 2_000_000


@dataclass
class WriteResult:
    """Best of --repeat runs of one writer at one size."""

    rows: int
    writer: str
    settings: str
    seconds: float
    all_seconds: list
    generation_seconds: float
    peak_rss_bytes: int
    data_rss_bytes: int
    file_bytes: int

    @property
    def rows_per_second(self):
        """Rows written per second (best run)."""
        return self.rows / self.seconds


class Bench:
    """One benchmark run's settings and helpers."""

    def __init__(self, args, out_dir):
        self.args = args
        self.out_dir = out_dir

    def progress(self, text):
        """A line on stderr saying what runs now."""
        print(f"  {text}", file=sys.stderr, flush=True)

    def swift_write(self, rows, options, out=None, files=1):
        """One voparquet-bench write (or --generate-only without ``out``) process."""
        command = [self.args.bench_bin, "write", "--rows", rows, "--files", files, "--object-json", self.args.object_json]
        command += ["--out", out] if out else ["--generate-only"]
        return run_measured(command + options)

    def layout(self, path):
        """Rows, row groups, footer and file size (Scripts/parquet_layout.py)."""
        completed = subprocess.run(python("parquet_layout.py", path), capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            raise BenchFailure(f"parquet_layout.py {path}: {completed.stderr.strip()}")
        return json.loads(completed.stdout)

    def same_table(self, reference, other, cast=False):
        """Fail unless ``other`` holds the same table as ``reference``."""
        command = python("same_table.py", *(["--cast"] if cast else []), reference, other)
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            report = (completed.stdout + completed.stderr).strip().splitlines()
            raise BenchFailure(f"{os.path.basename(other)} differs from {os.path.basename(reference)}: "
                               f"{' '.join(report[:3])}")

    def check_generators(self):
        """Stop unless the Swift and Python generators make identical values."""
        completed = subprocess.run(python("check_object_values.py", "--bench-bin", self.args.bench_bin,
                                          "--object-json", self.args.object_json),
                                   capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            raise BenchFailure((completed.stdout + completed.stderr).strip())
        print(completed.stdout.strip())

    # 1. Writing

    def generation(self, rows):
        """Best seconds of making the values without writing, and their checksum."""
        runs = [self.swift_write(rows, []).last_json() for _ in range(self.args.repeat)]
        return min(run["seconds"] for run in runs), runs[0]["checksum"]

    def swift_result(self, rows, index, generation, checksum):
        """voparquet-bench in SWIFT_CONFIGURATIONS[index], net of the generation time."""
        settings, options = SWIFT_CONFIGURATIONS[index]
        out = os.path.join(self.out_dir, f"voparquet_{rows}_{index}.parquet")
        runs = []
        for attempt in range(self.args.repeat):
            self.progress(f"{rows} rows: voparquet-bench {settings} ({attempt + 1}/{self.args.repeat})")
            runs.append(self.swift_write(rows, options, out))
        lines = [run.last_json() for run in runs]
        if any(line["checksum"] != checksum for line in lines):
            raise BenchFailure(f"voparquet-bench {settings}: the written values' checksum differs from the generated ones")
        seconds = [line["seconds"] - generation for line in lines]
        return WriteResult(rows, "voparquet-bench", settings, min(seconds), seconds, generation,
                           max(run.peak_rss_bytes for run in runs), 0, os.path.getsize(out)), out

    def competitor_result(self, rows, writer, settings):
        """One Python writer: its own timing of the write, peak RSS from os.wait4."""
        out = os.path.join(self.out_dir, f"{writer}_{rows}.parquet")
        runs = []
        for attempt in range(self.args.repeat):
            self.progress(f"{rows} rows: {writer} ({attempt + 1}/{self.args.repeat})")
            runs.append(run_measured(python("bench_competitor.py", "--writer", writer, "--object-json",
                                            self.args.object_json, "--rows", rows, "--out", out)))
        lines = [run.last_json() for run in runs]
        seconds = [line["seconds"] for line in lines]
        return WriteResult(rows, writer, settings, min(seconds), seconds, 0.0, max(run.peak_rss_bytes for run in runs),
                           max(line["rss_before_write"] for line in lines), os.path.getsize(out)), out

    def writing(self, rows):
        """Part 1 at one size: every writer, then the same-table checks."""
        self.progress(f"{rows} rows: value generation alone")
        generation, checksum = self.generation(rows)
        results, files = [], {}
        for index, (settings, _) in enumerate(SWIFT_CONFIGURATIONS):
            result, files[settings] = self.swift_result(rows, index, generation, checksum)
            results.append(result)
        for writer, settings in COMPETITORS:
            result, files[writer] = self.competitor_result(rows, writer, settings)
            results.append(result)
        reference = files[REFERENCE_SETTINGS]
        for writer, _ in COMPETITORS:
            self.same_table(reference, files[writer], cast=writer in ("polars", "duckdb"))
        for path in files.values():
            os.remove(path)
        return results

    # 2. Library path

    def library_path(self):
        """--files files in one process: per-file RSS before and after."""
        rows, files = self.args.library_rows, self.args.files
        self.progress(f"library path: {files} files of {rows} rows in one process")
        measured = self.swift_write(rows, [], os.path.join(self.out_dir, "library.parquet"), files)
        lines = measured.json_lines()
        for line in lines:
            os.remove(self.numbered_path(os.path.join(self.out_dir, "library.parquet"), line["file"], files))
        return {"rows": rows, "files": lines, "peak_rss_bytes": measured.peak_rss_bytes}

    @staticmethod
    def numbered_path(path, index, count):
        """voparquet-bench's name for file ``index`` of ``count`` written to ``path``."""
        if count == 1:
            return path
        stem, extension = os.path.splitext(path)
        return f"{stem}-{index}{extension}"

    # 3. Memory across sizes

    def flatness(self):
        """voparquet convert's defaults through voparquet-bench at each size."""
        sizes = list(self.args.rows) + ([FLATNESS_EXTRA_ROWS] if self.args.with_2m else [])
        results = []
        for rows in sizes:
            self.progress(f"memory: {rows} rows with convert's defaults")
            out = os.path.join(self.out_dir, f"flatness_{rows}.parquet")
            measured = self.swift_write(rows, CONVERT_DEFAULTS, out)
            line = measured.last_json()
            results.append({**self.layout(out), "seconds": line["seconds"], "peak_rss_bytes": measured.peak_rss_bytes})
            os.remove(out)
        return results

    # 4. Reading

    def reading(self):
        """Small row groups against the defaults (or --large-row-group-bytes)."""
        rows = self.args.read_rows or max(self.args.rows)
        small = os.path.join(self.out_dir, f"read_small_{rows}.parquet")
        large = os.path.join(self.out_dir, f"read_large_{rows}.parquet")
        self.progress(f"reading: writing {rows} rows in both layouts")
        self.swift_write(rows, CONVERT_DEFAULTS + ["--row-group-bytes", SMALL_ROW_GROUP_BYTES], small)
        large_options = ["--row-group-bytes", self.args.large_row_group_bytes] if self.args.large_row_group_bytes else []
        self.swift_write(rows, CONVERT_DEFAULTS + large_options, large)
        self.progress("reading: pyarrow and DuckDB")
        result = run_measured(python("bench_read.py", "--small", small, "--large", large)).last_json()
        os.remove(small)
        os.remove(large)
        return {"rows": rows, "large_row_group_bytes": self.args.large_row_group_bytes, **result}


def print_writing(results):
    """Part 1's table, one row per writer and size."""
    print("\nWriting DP0.2 Object (991 columns, realistic values), best of the runs; "
          "voparquet-bench seconds exclude value generation")
    header = (f"{'rows':>8} {'writer':<16} {'settings':<58} {'s':>7} {'rows/s':>9} {'vs polars':>9} "
              f"{'vs service':>10} {'peak RSS MB':>11} {'data MB':>8} {'file MB':>8}")
    print(header)
    print("-" * len(header))
    for r in results:
        same_size = {other.writer: other for other in results if other.rows == r.rows}
        print(f"{r.rows:>8} {r.writer:<16} {r.settings:<58} {r.seconds:>7.3f} {r.rows_per_second:>9,.0f} "
              f"{same_size['polars'].seconds / r.seconds:>8.2f}x {same_size['service'].seconds / r.seconds:>9.2f}x "
              f"{r.peak_rss_bytes / MB:>11.1f} {r.data_rss_bytes / MB if r.data_rss_bytes else 0:>8.1f} "
              f"{r.file_bytes / MB:>8.1f}")
    generation = sorted({(r.rows, r.generation_seconds) for r in results if r.generation_seconds})
    print("value generation subtracted: " + ", ".join(f"{seconds:.3f} s at {rows} rows" for rows, seconds in generation))
    print("data MB: the Python writer's RSS when its timed write began (values already in memory)")


def print_library(library):
    """Part 2's table."""
    print(f"\nLibrary path: {len(library['files'])} files of {library['rows']:,} rows, one after another in one "
          f"process (VOParquetWriter defaults)")
    header = f"{'file':>4} {'s':>7} {'RSS before MB':>13} {'RSS after MB':>12} {'peak RSS MB':>11} {'file MB':>8}"
    print(header)
    print("-" * len(header))
    for line in library["files"]:
        print(f"{line['file']:>4} {line['seconds']:>7.3f} {line['rss_before'] / MB:>13.1f} "
              f"{line['rss_after'] / MB:>12.1f} {line['peak_rss'] / MB:>11.1f} {line['bytes'] / MB:>8.1f}")
    first, last = library["files"][0], library["files"][-1]
    print(f"RSS after the last file minus before the first: {(last['rss_after'] - first['rss_before']) / MB:+.1f} MB; "
          f"process peak RSS (os.wait4) {library['peak_rss_bytes'] / MB:.1f} MB")


def print_flatness(results):
    """Part 3's table and the spread of the peaks."""
    print("\nMemory across sizes: voparquet-bench with voparquet convert's defaults (zstd, dictionary)")
    header = f"{'rows':>9} {'s':>8} {'peak RSS MB':>11} {'row groups':>10} {'footer MB':>9} {'file MB':>9}"
    print(header)
    print("-" * len(header))
    for r in results:
        print(f"{r['rows']:>9} {r['seconds']:>8.2f} {r['peak_rss_bytes'] / MB:>11.1f} {r['row_groups']:>10} "
              f"{r['footer_bytes'] / MB:>9.2f} {r['bytes'] / MB:>9.1f}")
    peaks = [r["peak_rss_bytes"] for r in results]
    middle = (max(peaks) + min(peaks)) / 2
    print(f"peak RSS spread: ±{(max(peaks) - min(peaks)) / 2 / middle * 100:.1f}% around {middle / MB:.1f} MB")


def print_reading(reading):
    """Part 4's table and speed-ups."""
    large = "defaults" if not reading["large_row_group_bytes"] else f"--row-group-bytes {reading['large_row_group_bytes']}"
    print(f"\nReading {reading['rows']:,} rows, column {reading['column']}: small row groups "
          f"(--row-group-bytes {SMALL_ROW_GROUP_BYTES}) against {large}; best of 5, files in the page cache")
    header = (f"{'layout':<7} {'row groups':>10} {'footer MB':>9} {'file MB':>8} {'pyarrow open ms':>15} "
              f"{'pyarrow column s':>16} {'DuckDB avg s':>12}")
    print(header)
    print("-" * len(header))
    for name in ("small", "large"):
        r = reading[name]
        print(f"{name:<7} {r['row_groups']:>10} {r['footer_bytes'] / MB:>9.2f} {r['bytes'] / MB:>8.1f} "
              f"{r['pyarrow_open'] * 1000:>15.1f} {r['pyarrow_read_column']:>16.3f} {r['duckdb_avg']:>12.3f}")
    speedup = reading["speedup"]
    print(f"speed-up (small / large): pyarrow open {speedup['pyarrow_open']:.1f}x, pyarrow one column "
          f"{speedup['pyarrow_read_column']:.1f}x, DuckDB avg {speedup['duckdb_avg']:.1f}x")


def parse_arguments(argv):
    """Command-line arguments."""
    parser = argparse.ArgumentParser(description="Benchmark the VOParquet write path against Python writers.")
    parser.add_argument("--bench-bin", required=True, help="the voparquet-bench executable (release build)")
    parser.add_argument("--object-json", default=DEFAULT_OBJECT_JSON)
    parser.add_argument("--rows", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--files", type=int, default=5, help="files written in one process by the library path")
    parser.add_argument("--library-rows", type=int, default=20_000)
    parser.add_argument("--with-2m", action="store_true", help="also measure memory at 2,000,000 rows (long)")
    parser.add_argument("--read-rows", type=int, help="rows of the reading part (default: the largest --rows)")
    parser.add_argument("--large-row-group-bytes", type=int,
                        help="row-group target of the large-row-group file (default: VOParquetOptions' default)")
    parser.add_argument("--out-dir", help="write the files here (default: a temporary directory); they are deleted")
    parser.add_argument("--json", help="save every figure to this JSON file (for Scripts/bench_charts.py)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.files < 1:
        parser.error("--repeat and --files must be at least 1")
    args.bench_bin = os.path.abspath(args.bench_bin)
    args.object_json = os.path.abspath(args.object_json)
    return args


def main(argv):
    """Run every part, print the tables, save the JSON."""
    args = parse_arguments(argv)
    out_dir = args.out_dir or tempfile.mkdtemp(prefix="voparquet-engine-")
    os.makedirs(out_dir, exist_ok=True)
    bench = Bench(args, out_dir)
    try:
        bench.check_generators()
        writes = [result for rows in args.rows for result in bench.writing(rows)]
        library = bench.library_path()
        flatness = bench.flatness()
        reading = bench.reading()
    except BenchFailure as failure:
        print(f"BENCHMARK FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if not args.out_dir:
            shutil.rmtree(out_dir, ignore_errors=True)
    print_writing(writes)
    print_library(library)
    print_flatness(flatness)
    print_reading(reading)
    print(f"\n(no peak RSS can be below this launcher's {launcher_rss_bytes() / MB:.1f} MB, inherited at fork)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"writes": [{**asdict(r), "rows_per_second": r.rows_per_second} for r in writes],
                       "library": library, "flatness": flatness, "reading": reading}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
