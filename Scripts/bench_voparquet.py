"""Benchmark `voparquet convert` on DP0.2 Object BINARY2 inputs, next to pyarrow.

Usage:
    bench_voparquet.py --voparquet .build/release/voparquet --object-json PATH
                       [--rows 20000 200000] [--out-dir DIR]

For each row count: Scripts/make_object_votable.py writes the BINARY2 VOTable
(untimed, kept in --out-dir between runs); `voparquet convert` turns it into
VOParquet with the defaults (zstd, dictionary) and with the service's settings
(snappy, no dictionary); Scripts/bench_pyarrow_service.py writes the same rows
with pyarrow in 2,000-row batches, snappy, no dictionary.  Each runs as its own
process: wall time and peak RSS (os.wait4) are reported, with rows/s, the
VOTable input MB/s for voparquet, and the file size.  The voparquet file written
with the service's settings must hold the same table as pyarrow's
(Scripts/same_table.py), or the run stops with BENCHMARK FAILED.

The pyarrow figure times only its Arrow building and writing (data generation
excluded), while voparquet's includes reading and decoding the VOTable.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

SCRIPTS = os.path.dirname(os.path.abspath(__file__))
MB = 1_000_000


def run_measured(command):
    """Run `command`; return (wall seconds, peak RSS bytes, stdout)."""
    with tempfile.TemporaryFile() as stdout:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"BENCHMARK FAILED: {' '.join(command)} exited with status {os.waitstatus_to_exitcode(status)}")
        stdout.seek(0)
        return seconds, usage.ru_maxrss * 1024, stdout.read().decode()


def main(argv):
    """Run every case and print the table."""
    parser = argparse.ArgumentParser(description="Benchmark voparquet convert against pyarrow.")
    parser.add_argument("--voparquet", required=True)
    parser.add_argument("--object-json", required=True)
    parser.add_argument("--rows", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--out-dir", default=os.path.join(tempfile.gettempdir(), "voparquet-bench"))
    args = parser.parse_args(argv)
    os.makedirs(args.out_dir, exist_ok=True)
    print(f"launcher peak RSS (floor of the figures): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000:.1f} MB",
          file=sys.stderr)
    results = []
    for rows in args.rows:
        source = os.path.join(args.out_dir, f"object_{rows}.xml")
        if not os.path.exists(source):
            print(f"  generating {source}", file=sys.stderr, flush=True)
            subprocess.run([sys.executable, os.path.join(SCRIPTS, "make_object_votable.py"), "--object-json",
                            args.object_json, "--rows", str(rows), "--out", source], check=True, stdout=subprocess.DEVNULL)
        input_bytes = os.path.getsize(source)
        cases = [
            ("voparquet", "zstd, dictionary", [args.voparquet, "convert", source, "-o"], []),
            ("voparquet", "snappy, no dictionary", [args.voparquet, "convert", source, "-o"],
             ["--compression", "snappy", "--no-dictionary"]),
            ("pyarrow", "snappy, no dictionary, 2000-row batches",
             [sys.executable, os.path.join(SCRIPTS, "bench_pyarrow_service.py"), "--object-json", args.object_json,
              "--rows", str(rows), "--out"], []),
        ]
        files = {}
        for writer, settings, command, options in cases:
            out = os.path.join(args.out_dir, f"{writer}_{rows}_{len(files)}.parquet")
            print(f"  {rows} rows: {writer} ({settings})", file=sys.stderr, flush=True)
            seconds, rss, stdout = run_measured(command + [out] + options)
            if writer == "pyarrow":
                seconds = json.loads(stdout.strip().splitlines()[-1])["seconds"]
            files[settings] = out
            results.append((rows, writer, settings, seconds, rss, os.path.getsize(out),
                            input_bytes / MB / seconds if writer == "voparquet" else None))
        same = subprocess.run([sys.executable, os.path.join(SCRIPTS, "same_table.py"), files["snappy, no dictionary"],
                               files["snappy, no dictionary, 2000-row batches"]], capture_output=True, text=True)
        if same.returncode != 0:
            sys.exit(f"BENCHMARK FAILED: voparquet and pyarrow files differ for {rows} rows: {same.stdout}{same.stderr}")
    header = f"{'rows':>8} {'writer':<10} {'settings':<40} {'seconds':>8} {'rows/s':>9} {'input MB/s':>10} {'peak RSS MB':>11} {'file MB':>8}"
    print(header)
    print("-" * len(header))
    for rows, writer, settings, seconds, rss, size, input_rate in results:
        rate = f"{input_rate:.1f}" if input_rate else ""
        print(f"{rows:>8} {writer:<10} {settings:<40} {seconds:>8.2f} {rows / seconds:>9,.0f} {rate:>10} "
              f"{rss / MB:>11.1f} {size / MB:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
