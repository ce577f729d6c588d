"""Write the same generated sky as a BINARY2 VOTable and as Parquet, for Scripts/bench_hats.py.

Usage:
    make_sky_inputs.py --rows N --votable FILE --parquet DIR [--parquet-files K] [--seed 2026]

The rows are Tests/hats/sky_table.py's: dense Gaussian fields (one across ra = 0), a
sparse background over the whole sky, points at and near both poles and an isolated
patch; an id, ra/dec, a float magnitude with nulls, a band letter, 16- and 8-bit
integers and a 3-element double array.  The VOTable (astropy, BINARY2) is what
`voparquet hats` reads; the same rows as Parquet (pyarrow's defaults), the format
hats-import's parquet reader reads best, as Tests/hats/check_hats.py gives it, go to
DIR/part-1.parquet ... part-K.parquet in K consecutive slices: hats-import maps and
splits each input file as one task, so K files let K workers share those stages.
Prints one JSON line: ``{"rows": n, "votable_bytes": b, "parquet_bytes": b}``.
"""

import argparse
import json
import os
import shutil
import sys

import pyarrow.parquet as pq

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Tests", "hats"))
from sky_table import arrow_table, sky_table, write_votable  # noqa: E402


def main(argv):
    """Generate the sky once and write both files."""
    parser = argparse.ArgumentParser(description="Write a generated sky as a BINARY2 VOTable and as Parquet.")
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--votable", required=True)
    parser.add_argument("--parquet", required=True, help="directory for the Parquet files")
    parser.add_argument("--parquet-files", type=int, default=1)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    if args.rows < 1 or args.parquet_files < 1:
        parser.error("--rows and --parquet-files must be at least 1")
    table = sky_table(args.rows, seed=args.seed)
    # Written under temporary names, so that an interrupted run leaves no input that looks complete.
    write_votable(table, args.votable + ".partial", "binary2")
    rows = arrow_table(table)
    partial = args.parquet + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    os.makedirs(partial)
    for index in range(args.parquet_files):
        start, stop = index * args.rows // args.parquet_files, (index + 1) * args.rows // args.parquet_files
        pq.write_table(rows.slice(start, stop - start), os.path.join(partial, f"part-{index + 1}.parquet"))
    os.replace(args.votable + ".partial", args.votable)
    shutil.rmtree(args.parquet, ignore_errors=True)
    os.replace(partial, args.parquet)
    parquet_bytes = sum(os.path.getsize(os.path.join(args.parquet, name)) for name in os.listdir(args.parquet))
    print(json.dumps({"rows": args.rows, "votable_bytes": os.path.getsize(args.votable),
                      "parquet_bytes": parquet_bytes}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
