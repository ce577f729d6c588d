"""Check that the Swift and Python value generators make identical DP0.2 Object cells.

Usage:
    check_object_values.py --bench-bin .build/release/voparquet-bench --object-json PATH
                           [--sample FIRST_ROW:ROWS ...]

For each sample (default: rows 0..1999 and 1,998,000..1,999,999, the start
and the end of the 2M-row run), ``voparquet-bench dump`` writes every cell's
64-bit word (Sources/VOParquetBench/ObjectCell.swift) and Scripts/object_values.py
computes the same words with numpy.  Any difference, and any difference in the
checksum the Swift tool prints, stops with ``GENERATORS DIFFER`` naming the first
cells that differ, and exit status 1.  Prints one summary line otherwise.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

import object_values as ov

DEFAULT_SAMPLES = ("0:2000", "1998000:2000")
SHOWN_DIFFERENCES = 5


def python_words(column_types, first, rows):
    """rows × columns words from numpy."""
    r = ov.row_range(first, rows)
    matrix = np.empty((rows, len(column_types)), dtype=np.uint64)
    for c, column in enumerate(column_types):
        values, mask = ov.column_values(c, column, r)
        matrix[:, c] = ov.words(column, values, mask)
    return matrix


def swift_words(bench_bin, object_json, first, rows, columns):
    """rows × columns words and the checksum from ``voparquet-bench dump``."""
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "words.bin")
        completed = subprocess.run([bench_bin, "dump", "--rows", str(rows), "--first-row", str(first), "--out", path,
                                    "--object-json", object_json], capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            raise SystemExit(f"GENERATORS DIFFER: voparquet-bench dump failed: {completed.stderr.strip()}")
        words = np.fromfile(path, dtype="<u8").reshape(rows, columns)
    return words, int(json.loads(completed.stdout.splitlines()[-1])["checksum"], 16)


def differences(column_types, first, swift, python):
    """Text naming the first cells where the two generators differ."""
    rows, columns = np.nonzero(swift != python)
    lines = []
    for row, column in list(zip(rows.tolist(), columns.tolist()))[:SHOWN_DIFFERENCES]:
        name, datatype = column_types[column]["name"], column_types[column]["datatype"]
        lines.append(f"  row {first + row}, column {column} {name} ({datatype}): "
                     f"swift {int(swift[row, column]):#018x}, python {int(python[row, column]):#018x}")
    return f"{len(rows)} cells differ; first:\n" + "\n".join(lines)


def check(bench_bin, object_json, samples):
    """Compare every sample; return the number of cells compared, or exit on a difference."""
    column_types = ov.load_column_types(object_json)
    compared = 0
    for first, rows in samples:
        python = python_words(column_types, first, rows)
        swift, swift_checksum = swift_words(bench_bin, object_json, first, rows, len(column_types))
        if not np.array_equal(swift, python):
            raise SystemExit(f"GENERATORS DIFFER in rows {first}..{first + rows - 1}: "
                             f"{differences(column_types, first, swift, python)}")
        python_checksum = int(python.sum(dtype=np.uint64))
        if swift_checksum != python_checksum:
            raise SystemExit(f"GENERATORS DIFFER: checksum of rows {first}..{first + rows - 1}: "
                             f"swift {swift_checksum:#018x}, python {python_checksum:#018x}")
        compared += python.size
    return compared


def parse_sample(text):
    """FIRST_ROW:ROWS as a pair of ints."""
    first, rows = text.split(":")
    return int(first), int(rows)


def main(argv):
    """Parse arguments, compare, print the summary line."""
    parser = argparse.ArgumentParser(description="Compare the Swift and Python DP0.2 Object value generators.")
    parser.add_argument("--bench-bin", required=True)
    parser.add_argument("--object-json", required=True)
    parser.add_argument("--sample", action="append", type=parse_sample, metavar="FIRST_ROW:ROWS")
    args = parser.parse_args(argv)
    samples = args.sample or [parse_sample(text) for text in DEFAULT_SAMPLES]
    compared = check(os.path.abspath(args.bench_bin), args.object_json, samples)
    print(f"generators agree: {compared:,} cells in {len(samples)} samples "
          f"({', '.join(f'rows {first}..{first + rows - 1}' for first, rows in samples)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
