#!/usr/bin/env python3
"""Writes a HATS catalog with `voparquet hats` and checks it with the HATS readers.

Usage: check_hats.py --voparquet .build/debug/voparquet --work DIR [--rows 50000]
       [--pixel-threshold 2500] [--highest-order 8] [--lowest-order 0] [--memory-limit 8M]

For a synthetic VOTable with a realistic sky density (sky_table.py), the catalog must:
* load with hats.read_hats and pass hats' strict validation;
* have the partitioning (orders, pixels, row counts) and the rows of each partition that
  hats-import (Dask, local client) makes of the same rows with the same arguments;
* hold every input row once with its values, the row counts adding up in the partitions,
  _metadata and hats.properties;
* have each partition sorted by _healpix_29, which equals hats' compute_spatial_index, and
  every row inside its partition's cell;
* answer lsdb cone searches (.compute() on Dask) with exactly the rows a brute-force
  filter of the input keeps;
* have partition files that pyarrow, DuckDB, polars and fastparquet read alike, each a
  VOParquet file whose embedded VOTable has the _healpix_29 FIELD and the input's FIELDs.
With --memory-check, the peak memory for all the rows must be that for a quarter of them.
"""

import argparse
import glob
import io
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from catalog_files import partition_files  # noqa: E402
from sky_table import arrow_table, sky_table, write_votable  # noqa: E402

VERSION_KEY = b"IVOA.VOTable-Parquet.version"
CONTENT_KEY = b"IVOA.VOTable-Parquet.content"
CONES = [  # (ra, dec, radius in arcsec): dense fields, the ra = 0 wrap, a pole, the sparse sky
    (150.1, 2.2, 1800.0), (53.1, -28.1, 300.0), (0.0, -30.0, 5400.0), (270.0, 89.5, 3600.0),
    (200.0, -60.0, 36000.0), (320.0, 75.005, 60.0),
]


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAILED: {name}" + (f": {detail}" if detail else ""))
        return ok


def run_hats_import(parquet_path, output, args):
    from dask.distributed import Client
    from hats_import.catalog.arguments import ImportArguments
    from hats_import.pipeline import pipeline_with_client
    import_args = ImportArguments(
        output_artifact_name="sky", input_file_list=[parquet_path], file_reader="parquet",
        ra_column="ra", dec_column="dec", output_path=output, pixel_threshold=args.pixel_threshold,
        highest_healpix_order=args.highest_order, lowest_healpix_order=args.lowest_order,
        progress_bar=False, resume=False, tmp_dir=os.path.join(output, "tmp"))
    logging.getLogger("distributed").setLevel(logging.WARNING)
    with Client(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None,
                local_directory=os.path.join(output, "dask")) as client:
        pipeline_with_client(import_args, client)
    return os.path.join(output, "sky")


def check_structure(checks, catalog, rows):
    import hats
    from hats.io.validation import is_valid_catalog
    loaded = hats.read_hats(catalog)
    checks.check("hats.read_hats loads the catalog", loaded.catalog_info.total_rows == rows,
                 f"total_rows {loaded.catalog_info.total_rows}")
    checks.check("hats strict validation", is_valid_catalog(catalog, strict=True))
    info = loaded.catalog_info
    checks.check("properties name the columns",
                 (info.ra_column, info.dec_column, info.healpix_column, info.healpix_order)
                 == ("ra", "dec", "_healpix_29", 29))
    metadata = pq.read_metadata(os.path.join(catalog, "dataset", "_metadata"))
    files = partition_files(catalog)
    file_rows = sum(pq.read_metadata(path).num_rows for path in files.values())
    checks.check("row counts add up (_metadata, partition files, properties)",
                 metadata.num_rows == rows and file_rows == rows, f"{metadata.num_rows}, {file_rows}, {rows}")
    return loaded


def check_against_hats_import(checks, ours, theirs):
    our_files, their_files = partition_files(ours), partition_files(theirs)
    checks.check("the same partitions as hats-import", sorted(our_files) == sorted(their_files),
                 f"only here {sorted(set(our_files) - set(their_files))[:5]}, "
                 f"only there {sorted(set(their_files) - set(our_files))[:5]}")
    with open(os.path.join(ours, "partition_info.csv")) as mine, open(os.path.join(theirs, "partition_info.csv")) as other:
        checks.check("partition_info.csv equals hats-import's", mine.read() == other.read())
    differing = []
    for pixel in sorted(set(our_files) & set(their_files)):
        a = pq.read_table(our_files[pixel], columns=["objectId", "_healpix_29"])
        b = pq.read_table(their_files[pixel], columns=["objectId", "_healpix_29"])
        same = (len(a) == len(b)
                and np.array_equal(np.sort(a["objectId"].to_numpy()), np.sort(b["objectId"].to_numpy()))
                and np.array_equal(a["_healpix_29"].to_numpy(), np.sort(b["_healpix_29"].to_numpy())))
        if not same:
            differing.append(pixel)
    checks.check("every partition holds hats-import's rows and _healpix_29 values", not differing,
                 f"{len(differing)} differ, first {differing[:3]}")


def check_rows(checks, catalog, expected):
    """Every input row once with its values; sorted partitions with the right index."""
    from hats.pixel_math.spatial_index import compute_spatial_index
    tables = []
    unsorted, wrong_index, outside = [], [], []
    for (order, pixel), path in sorted(partition_files(catalog).items()):
        table = pq.read_table(path)
        tables.append(table)
        index = table["_healpix_29"].to_numpy()
        if np.any(np.diff(index) < 0):
            unsorted.append((order, pixel))
        if not np.array_equal(index, compute_spatial_index(table["ra"].to_numpy(), table["dec"].to_numpy())):
            wrong_index.append((order, pixel))
        if np.any(index >> (2 * (29 - order)) != pixel):
            outside.append((order, pixel))
    checks.check("partitions sorted by _healpix_29", not unsorted, f"{unsorted[:3]}")
    checks.check("_healpix_29 equals hats' compute_spatial_index", not wrong_index, f"{wrong_index[:3]}")
    checks.check("every row inside its partition's cell", not outside, f"{outside[:3]}")
    combined = pa.concat_tables(tables).drop_columns(["_healpix_29"]).sort_by("objectId")
    combined = combined.select(expected.column_names)
    checks.check("first column is _healpix_29", tables[0].column_names[0] == "_healpix_29", tables[0].column_names)
    want = expected.sort_by("objectId")
    bad = [name for name in want.column_names if not combined[name].equals(want[name])]
    checks.check("every input row once, with its values", len(combined) == len(want) and not bad,
                 f"{len(combined)} rows for {len(want)}; columns differing: {bad}")


def check_readers(checks, catalog, input_fields):
    import duckdb
    import fastparquet
    import polars as pl
    from astropy.io import votable
    problems = []
    for (order, pixel), path in sorted(partition_files(catalog).items()):
        reference = pq.read_table(path)
        ids = reference["objectId"].to_pylist()
        ra_sum = float(np.sum(reference["ra"].to_numpy()))
        nulls = reference["mag"].null_count
        duck = duckdb.sql(f"SELECT objectId, ra, mag FROM read_parquet('{path}')").fetchall()
        if [r[0] for r in duck] != ids or sum(r[2] is None for r in duck) != nulls:
            problems.append(("duckdb", order, pixel))
        frame = pl.read_parquet(path)
        if frame["objectId"].to_list() != ids or frame["mag"].null_count() != nulls \
                or frame["psf"].to_list() != reference["psf"].to_pylist():
            problems.append(("polars", order, pixel))
        pandas = fastparquet.ParquetFile(path).to_pandas()
        if pandas["objectId"].tolist() != ids or not np.isclose(pandas["ra"].sum(), ra_sum, rtol=0, atol=1e-9 * len(ids)) \
                or int(pandas["mag"].isna().sum()) != nulls:
            problems.append(("fastparquet", order, pixel))
        metadata = pq.read_metadata(path).metadata
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fields = votable.parse(io.BytesIO(metadata[CONTENT_KEY])).get_first_table().fields
        names = [(field.name, field.datatype) for field in fields]
        if metadata.get(VERSION_KEY) != b"1.0" or names != [("_healpix_29", "long")] + input_fields \
                or reference.column_names != [name for name, _ in names]:
            problems.append(("VOParquet metadata", order, pixel))
    checks.check("every partition read alike by pyarrow, DuckDB, polars, fastparquet; valid VOParquet",
                 not problems, f"{problems[:5]}")


def check_lsdb(checks, catalog, expected):
    import lsdb
    opened = lsdb.open_catalog(catalog)
    whole = opened.compute()
    checks.check("lsdb computes every row", len(whole) == len(expected) and whole.index.name == "_healpix_29",
                 f"{len(whole)} rows, index {whole.index.name}")
    ra = np.radians(expected["ra"].to_numpy())
    dec = np.radians(expected["dec"].to_numpy())
    ids = expected["objectId"].to_numpy()
    for center_ra, center_dec, radius in CONES:
        ra0, dec0 = np.radians(center_ra), np.radians(center_dec)
        haversine = np.square(np.sin((dec - dec0) * 0.5)) \
            + np.cos(dec0) * np.cos(dec) * np.square(np.sin((ra - ra0) * 0.5))
        brute = set(ids[haversine <= np.square(np.sin(np.radians(radius / 3600) * 0.5))].tolist())
        found = opened.cone_search(center_ra, center_dec, radius).compute()
        got = found["objectId"].tolist()
        checks.check(f"lsdb cone ({center_ra}, {center_dec}, {radius}\") equals a brute-force filter "
                     f"({len(brute)} rows)", len(got) == len(set(got)) and set(got) == brute,
                     f"{len(set(got) - brute)} extra, {len(brute - set(got))} missing")


def peak_rss_mb(command):
    """Runs `command` and returns its status and peak resident memory (VmHWM, polled), in MB."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    high = 0
    while process.poll() is None:
        try:
            with open(f"/proc/{process.pid}/status") as status:
                high = max([high] + [int(line.split()[1]) for line in status if line.startswith("VmHWM")])
        except OSError:
            pass
        time.sleep(0.002)
    return process.returncode, high / 1024


def check_memory(checks, args, votable_path):
    """Four times the rows must not take more memory: the sort and the writers stay in their budget.
    The counts per cell grow with the cells the rows cover, so they are taken at order 6 here."""
    quarter = os.path.join(args.work, "quarter.xml")
    write_votable(sky_table(args.rows // 4, seed=5), quarter)
    peaks = []
    for path, name in ((quarter, "quarter"), (votable_path, "whole")):
        status, peak = peak_rss_mb(
            [args.voparquet, "hats", path, "-o", os.path.join(args.work, f"memory-{name}"), "--ra", "ra", "--dec",
             "dec", "--pixel-threshold", "1000000", "--highest-order", "6", "--memory-limit", "4M",
             "--compression", "snappy"])
        peaks.append(peak)
        checks.check(f"voparquet hats --memory-limit 4M on the {name} input", status == 0)
    print(f"peak memory at --memory-limit 4M: {peaks[0]:.1f} MB for {args.rows // 4} rows, "
          f"{peaks[1]:.1f} MB for {args.rows} rows")
    checks.check("memory does not grow with the rows", peaks[1] < peaks[0] + 4, f"{peaks}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voparquet", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--pixel-threshold", type=int, default=2_500)
    parser.add_argument("--highest-order", type=int, default=8)
    parser.add_argument("--lowest-order", type=int, default=0)
    parser.add_argument("--memory-limit", default="8M")
    parser.add_argument("--memory-check", action="store_true",
                        help="also compare the peak memory for a quarter of the rows and for all of them")
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    checks = Checks()

    table = sky_table(args.rows)
    votable_path = os.path.join(args.work, "sky.xml")
    write_votable(table, votable_path)
    expected = arrow_table(table)
    parquet_path = os.path.join(args.work, "sky.parquet")
    pq.write_table(expected, parquet_path)
    input_fields = [(field.name, field.datatype) for field in
                    __import__("astropy.io.votable", fromlist=["parse"]).parse(votable_path).get_first_table().fields]

    catalog = os.path.join(args.work, "sky")
    start = time.monotonic()
    result = subprocess.run(
        [args.voparquet, "hats", votable_path, "-o", catalog, "--ra", "ra", "--dec", "dec",
         "--pixel-threshold", str(args.pixel_threshold), "--highest-order", str(args.highest_order),
         "--lowest-order", str(args.lowest_order), "--memory-limit", args.memory_limit],
        capture_output=True, text=True)
    seconds = time.monotonic() - start
    if not checks.check("voparquet hats succeeds", result.returncode == 0, result.stderr.strip()):
        print(f"hats: {checks.passed} passed, {checks.failed} failed")
        return 1
    print(result.stderr.strip() + f" in {seconds:.1f} s")
    checks.check("no temporary files or names left",
                 not glob.glob(os.path.join(args.work, ".sky.*")) and not os.path.exists(os.path.join(catalog, ".voparquet-tmp")))

    check_structure(checks, catalog, args.rows)
    start = time.monotonic()
    theirs = run_hats_import(parquet_path, os.path.join(args.work, "hats-import"), args)
    print(f"hats-import: {time.monotonic() - start:.1f} s")
    check_against_hats_import(checks, catalog, theirs)
    check_rows(checks, catalog, expected)
    check_readers(checks, catalog, input_fields)
    check_lsdb(checks, catalog, expected)
    if args.memory_check:
        check_memory(checks, args, votable_path)
    print(f"hats: {checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
