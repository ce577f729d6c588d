"""Run hats-import's catalog pipeline on a Dask local cluster, for Scripts/bench_hats.py.

Usage:
    run_hats_import.py --out CATALOG_DIR --ra COLUMN --dec COLUMN --pixel-threshold N
                       --highest-order K [--lowest-order 0] [--workers N] INPUT.parquet...

As hats-import's documentation runs it: ``ImportArguments`` with the parquet reader and
``pipeline_with_client`` on a ``dask.distributed`` local cluster of --workers worker
processes (default: one per processor) with one thread each.  hats-import's defaults
stand (zstd level 15, BYTE_STREAM_SPLIT floats, 100,000-row row groups) but for the
point map: ``should_write_skymap=False``, since `voparquet hats` writes none.
Intermediate files and the workers' scratch go to CATALOG_DIR.work, removed at the end.
Prints one JSON line: ``{"seconds": pipeline, "cluster_seconds": starting and closing
the cluster, "workers": n}``; the process's own wall time adds Python's imports.
"""

import argparse
import json
import logging
import os
import shutil
import sys
import time

from dask.distributed import Client
from hats_import.catalog.arguments import ImportArguments
from hats_import.pipeline import pipeline_with_client


def main(argv):
    """Import the inputs and print the timings."""
    parser = argparse.ArgumentParser(description="Run hats-import on a Dask local cluster.")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--out", required=True)
    parser.add_argument("--ra", required=True)
    parser.add_argument("--dec", required=True)
    parser.add_argument("--pixel-threshold", type=int, required=True)
    parser.add_argument("--highest-order", type=int, required=True)
    parser.add_argument("--lowest-order", type=int, default=0)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    args = parser.parse_args(argv)
    catalog = os.path.abspath(args.out)
    work = catalog + ".work"
    shutil.rmtree(work, ignore_errors=True)
    import_args = ImportArguments(
        output_artifact_name=os.path.basename(catalog), output_path=os.path.dirname(catalog),
        input_file_list=[os.path.abspath(path) for path in args.inputs], file_reader="parquet",
        ra_column=args.ra, dec_column=args.dec, pixel_threshold=args.pixel_threshold,
        highest_healpix_order=args.highest_order, lowest_healpix_order=args.lowest_order,
        should_write_skymap=False, progress_bar=False, resume=False, tmp_dir=os.path.join(work, "tmp"))
    logging.getLogger("distributed").setLevel(logging.WARNING)
    try:
        start = time.perf_counter()
        with Client(n_workers=args.workers, threads_per_worker=1, dashboard_address=None,
                    local_directory=os.path.join(work, "dask")) as client:
            ready = time.perf_counter()
            pipeline_with_client(import_args, client)
            done = time.perf_counter()
        closed = time.perf_counter()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({"seconds": done - ready, "cluster_seconds": (ready - start) + (closed - done),
                      "workers": args.workers}))
    return 0


# Dask's worker processes (multiprocessing's spawn) import this file too; only the parent imports.
if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
