"""Benchmark `voparquet convert` on DP0.2 Object BINARY2 inputs, next to the service's pyarrow path.

Usage:
    bench_voparquet.py --voparquet .build/release/voparquet --object-json PATH
                       [--rows 20000 200000] [--out-dir DIR] [--json FILE]

For each row count: Scripts/make_object_votable.py writes the BINARY2 VOTable
with the realistic values of Scripts/object_values.py (untimed, kept in
--out-dir between runs); `voparquet convert` turns it into VOParquet with its
defaults (zstd, dictionary) and with the service's settings (snappy, no
dictionary); Scripts/bench_competitor.py --writer service writes the same rows
as the TAP service does with pyarrow (tuples, 2,000-row batches, snappy, no
dictionary).  The VOTable is read once first, so that every case finds it in the
page cache (the engine benchmark before may have pushed it out), and the outputs
go to --scratch-dir (/dev/shm where it exists), so that a disk's writeback does
not slow the later runs.  Each case runs three times, each as its own process:
best wall time, highest peak RSS (os.wait4), the RSS every 20 ms
(/proc/PID/status) of the fastest run, with rows/s, VOTable input MB/s for
voparquet, row groups, footer size and file size (Scripts/parquet_layout.py).
voparquet's snappy file must hold the same table as pyarrow's
(Scripts/same_table.py), or the run stops with BENCHMARK FAILED.

voparquet's time includes reading and decoding the VOTable; the service's counts
its Arrow building and writing, not making its tuples (its RSS curve covers the
whole process).  With --json, every figure and the RSS samples are saved for
Scripts/bench_charts.py.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

from measure import BenchFailure, launcher_rss_bytes, python, run_measured

MB = 1_000_000
RSS_SAMPLE_SECONDS = 0.02
RUNS = 3
SERVICE_SETTINGS = "service's path: tuples, 2,000-row batches, snappy, no dictionary"


def layout(path):
    """Rows, row groups, footer and file size of a Parquet file."""
    return run_measured(python("parquet_layout.py", path)).last_json()


def convert_size(args, rows):
    """Every case at one row count; returns their records."""
    source = os.path.join(args.out_dir, f"object_{rows}.xml")
    if not os.path.exists(source):
        print(f"  generating {source}", file=sys.stderr, flush=True)
        run_measured(python("make_object_votable.py", "--object-json", args.object_json, "--rows", rows, "--out", source))
    input_bytes = os.path.getsize(source)
    with open(source, "rb") as warm:
        while warm.read(1 << 24):
            pass
    cases = [
        ("voparquet", "zstd, dictionary (defaults)", [args.voparquet, "convert", source, "-o"], []),
        ("voparquet", "zstd, dictionary, 1 thread", [args.voparquet, "convert", source, "-o"], ["--threads", "1"]),
        ("voparquet", "snappy, no dictionary", [args.voparquet, "convert", source, "-o"],
         ["--compression", "snappy", "--no-dictionary"]),
        ("pyarrow", SERVICE_SETTINGS,
         python("bench_competitor.py", "--writer", "service", "--object-json", args.object_json, "--rows", rows, "--out"),
         []),
    ]
    records = []
    for index, (writer, settings, command, options) in enumerate(cases):
        out = os.path.join(args.scratch_dir, f"{writer}_{rows}_{index}.parquet")
        print(f"  {rows} rows: {writer} ({settings})", file=sys.stderr, flush=True)
        runs = []
        for _ in range(RUNS):
            measured = run_measured(command + [out] + options, sample_every=RSS_SAMPLE_SECONDS)
            seconds = measured.last_json()["seconds"] if writer == "pyarrow" else measured.wall_seconds
            runs.append((seconds, measured))
        seconds, fastest = min(runs, key=lambda run: run[0])
        records.append({"rows": rows, "writer": writer, "settings": settings, "seconds": seconds,
                        "all_seconds": [run[0] for run in runs],
                        "input_bytes": input_bytes if writer == "voparquet" else None,
                        "peak_rss_bytes": max(run[1].peak_rss_bytes for run in runs),
                        "rss_samples": fastest.rss_samples,
                        **{key: value for key, value in layout(out).items() if key != "rows"}})
    # voparquet with snappy and no dictionary against pyarrow with the same settings (the last two cases).
    same = subprocess.run(python("same_table.py", records[-2]["path"], records[-1]["path"]), capture_output=True, text=True)
    if same.returncode != 0:
        raise BenchFailure(f"voparquet and pyarrow files differ for {rows} rows: {same.stdout}{same.stderr}")
    for record in records:
        os.remove(record["path"])
    return records


def default_scratch_dir():
    """Memory for the outputs where there is a tmpfs: on a disk, the gigabytes the runs write
    throttle the later runs (on the development machine each run of a case took 5 to 20%
    longer than the one before)."""
    return os.path.join("/dev/shm", "voparquet-bench") if os.path.isdir("/dev/shm") else None


def print_table(records):
    """One row per case."""
    header = (f"{'rows':>8} {'writer':<10} {'settings':<62} {'seconds':>8} {'rows/s':>9} {'input MB/s':>10} "
              f"{'peak RSS MB':>11} {'row groups':>10} {'footer MB':>9} {'file MB':>8}")
    print(header)
    print("-" * len(header))
    for r in records:
        rate = f"{r['input_bytes'] / MB / r['seconds']:.1f}" if r["input_bytes"] else ""
        print(f"{r['rows']:>8} {r['writer']:<10} {r['settings']:<62} {r['seconds']:>8.2f} {r['rows'] / r['seconds']:>9,.0f} "
              f"{rate:>10} {r['peak_rss_bytes'] / MB:>11.1f} {r['row_groups']:>10} {r['footer_bytes'] / MB:>9.2f} "
              f"{r['bytes'] / MB:>8.1f}")


def main(argv):
    """Run every case, print the table, save the JSON."""
    parser = argparse.ArgumentParser(description="Benchmark voparquet convert against the service's pyarrow path.")
    parser.add_argument("--voparquet", required=True)
    parser.add_argument("--object-json", required=True)
    parser.add_argument("--rows", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--out-dir", default=os.path.join(tempfile.gettempdir(), "voparquet-bench"))
    parser.add_argument("--json", help="save every figure and the RSS samples to this JSON file")
    parser.add_argument("--scratch-dir", default=default_scratch_dir(),
                        help="where the converted files go (default: /dev/shm/voparquet-bench where /dev/shm "
                             "exists, else --out-dir)")
    args = parser.parse_args(argv)
    args.scratch_dir = args.scratch_dir or args.out_dir
    os.makedirs(args.scratch_dir, exist_ok=True)
    args.voparquet = os.path.abspath(args.voparquet)
    os.makedirs(args.out_dir, exist_ok=True)
    try:
        records = [record for rows in args.rows for record in convert_size(args, rows)]
    except BenchFailure as failure:
        print(f"BENCHMARK FAILED: {failure}", file=sys.stderr)
        return 1
    print_table(records)
    print(f"(no peak RSS can be below this launcher's {launcher_rss_bytes() / MB:.1f} MB, inherited at fork)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(records, f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
