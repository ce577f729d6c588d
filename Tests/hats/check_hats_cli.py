#!/usr/bin/env python3
"""The command line of `voparquet hats`: inputs, errors, and what is left behind.

Usage: check_hats_cli.py --voparquet .build/debug/voparquet --work DIR

* Several inputs in different serializations (TABLEDATA, gzip BINARY2, BINARY on standard
  input) make the same catalog as one input with all the rows.
* A row with a null, non-finite or out-of-range position stops the run with a one-line
  error naming the input and row; --drop-invalid-positions leaves such rows out and
  counts them.
* A missing --ra column, inputs with different FIELDs, an existing destination and bad
  orders fail with one line and the usual status.
* No failure, and no interruption by a signal (while reading the input, and while writing
  partitions), leaves a catalog, a temporary directory or temporary files behind.
"""

import argparse
import glob
import gzip
import os
import shutil
import signal
import subprocess
import sys
import time

import numpy as np
import pyarrow.parquet as pq
from astropy.table import vstack

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from catalog_files import partition_files  # noqa: E402
from check_hats import Checks  # noqa: E402
from sky_table import sky_table, write_votable  # noqa: E402

BAD_POSITIONS = """<?xml version="1.0"?>
<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
<RESOURCE><TABLE>
<FIELD name="id" datatype="long"/>
<FIELD name="ra" datatype="double" unit="deg"/>
<FIELD name="dec" datatype="float" unit="deg"/>
<DATA><TABLEDATA>
<TR><TD>1</TD><TD>10.5</TD><TD>-20</TD></TR>
<TR><TD>2</TD><TD>370</TD><TD>45</TD></TR>
<TR><TD>3</TD><TD>11</TD><TD></TD></TR>
<TR><TD>4</TD><TD>12</TD><TD>95</TD></TR>
<TR><TD>5</TD><TD>NaN</TD><TD>1</TD></TR>
<TR><TD>6</TD><TD>-0.5</TD><TD>-90</TD></TR>
</TABLEDATA></DATA>
</TABLE></RESOURCE>
</VOTABLE>
"""


class Runner:
    def __init__(self, binary, work):
        self.binary = binary
        self.work = work

    def run(self, arguments, stdin=None):
        return subprocess.run([self.binary, "hats", *arguments], input=stdin, capture_output=True)

    def leftovers(self, name):
        """Anything a run for the catalog `name` left in the work directory."""
        return sorted(os.path.basename(p) for p in glob.glob(os.path.join(self.work, f".{name}.*")))


def one_line_error(result, status, starts):
    text = result.stderr.decode()
    return result.returncode == status and text.startswith("voparquet: error: " + starts) \
        and len([line for line in text.splitlines() if not line.startswith("Run 'voparquet --help'")]) == 1


def check_multiple_inputs(checks, runner):
    table = sky_table(20_000, seed=7)
    whole = os.path.join(runner.work, "whole.xml")
    write_votable(table, whole)
    parts = [table[:6_000], table[6_000:13_000], table[13_000:]]
    first = os.path.join(runner.work, "part1.xml")
    write_votable(parts[0], first, "tabledata")
    second = os.path.join(runner.work, "part2.xml")
    write_votable(parts[1], second, "binary2")
    with open(second, "rb") as plain, gzip.open(second + ".gz", "wb") as packed:
        packed.write(plain.read())
    third = os.path.join(runner.work, "part3.xml")
    write_votable(parts[2], third, "binary")
    common = ["--ra", "ra", "--dec", "dec", "--pixel-threshold", "1500", "--highest-order", "7"]
    single = runner.run([whole, "-o", os.path.join(runner.work, "single"), *common])
    with open(third, "rb") as stream:
        several = runner.run([first, second + ".gz", "-", "-o", os.path.join(runner.work, "several"), *common],
                             stdin=stream.read())
    if not checks.check("several inputs (TABLEDATA, gzip BINARY2, BINARY on stdin)",
                        single.returncode == 0 and several.returncode == 0,
                        single.stderr.decode() + several.stderr.decode()):
        return
    a, b = partition_files(os.path.join(runner.work, "single")), partition_files(os.path.join(runner.work, "several"))
    same = sorted(a) == sorted(b) and all(
        pq.read_table(a[p]).select(["_healpix_29", "objectId", "psf"]).equals(
            pq.read_table(b[p]).select(["_healpix_29", "objectId", "psf"])) for p in a)
    checks.check("several inputs make the catalog of their rows in one input", same)
    one_thread = runner.run([whole, "-o", os.path.join(runner.work, "one_thread"), *common, "--threads", "1"])
    c = partition_files(os.path.join(runner.work, "one_thread"))
    identical = one_thread.returncode == 0 and sorted(a) == sorted(c) and all(
        open(a[p], "rb").read() == open(c[p], "rb").read() for p in a)
    checks.check("--threads 1 writes partition files identical to the default's", identical,
                 one_thread.stderr.decode())
    mismatched = sky_table(2_000, seed=8)
    mismatched.rename_column("mag", "magnitude")
    other = os.path.join(runner.work, "other.xml")
    write_votable(mismatched, other)
    result = runner.run([first, other, "-o", os.path.join(runner.work, "mixed"), *common])
    checks.check("inputs with other FIELDs are refused", one_line_error(result, 1, f"'{other}' has other FIELDs")
                 and not os.path.exists(os.path.join(runner.work, "mixed")) and not runner.leftovers("mixed"),
                 result.stderr.decode())


def check_positions(checks, runner):
    bad = os.path.join(runner.work, "bad.xml")
    with open(bad, "w") as out:
        out.write(BAD_POSITIONS)
    target = os.path.join(runner.work, "bad")
    result = runner.run([bad, "-o", target, "--ra", "ra", "--dec", "dec"])
    checks.check("a null declination stops the run naming input and row",
                 one_line_error(result, 1, f"'{bad}', row 2: the declination ('dec') is null")
                 and "--drop-invalid-positions" in result.stderr.decode(), result.stderr.decode())
    checks.check("nothing left after the failure", not os.path.exists(target) and not runner.leftovers("bad"),
                 runner.leftovers("bad"))
    result = runner.run([bad, "-o", target, "--ra", "ra", "--dec", "dec", "--drop-invalid-positions"])
    kept = partition_files(target)
    ids = sorted(i for path in kept.values() for i in pq.read_table(path)["id"].to_pylist())
    checks.check("--drop-invalid-positions keeps the valid rows and counts the others",
                 result.returncode == 0 and ids == [1, 2, 6] and "left out 3 rows" in result.stderr.decode(),
                 f"{ids} {result.stderr.decode()}")
    # ra 370 is wrapped to 10 degrees, as hats does.
    from hats.pixel_math.spatial_index import compute_spatial_index
    values = {row["id"]: row["_healpix_29"] for path in kept.values() for row in pq.read_table(path).to_pylist()}
    checks.check("ra outside [0, 360) and dec -90 are indexed as hats indexes them",
                 values.get(2) == compute_spatial_index([370.0], [45.0])[0]
                 and values.get(6) == compute_spatial_index([-0.5], [-90.0])[0], f"{values}")


def check_usage(checks, runner):
    bad = os.path.join(runner.work, "bad.xml")
    missing = runner.run([bad, "-o", os.path.join(runner.work, "m"), "--ra", "RAJ2000", "--dec", "dec"])
    checks.check("a missing --ra column: one line naming the FIELDs",
                 one_line_error(missing, 1, "--ra 'RAJ2000': ") and "FIELDs: id, ra, dec" in missing.stderr.decode(),
                 missing.stderr.decode())
    text = runner.run([bad, "-o", os.path.join(runner.work, "m"), "--ra", "id", "--dec", "dec",
                       "--drop-invalid-positions"])
    checks.check("an integer --ra column is accepted", text.returncode == 0, text.stderr.decode())
    exists = runner.run([bad, "-o", os.path.join(runner.work, "m"), "--ra", "ra", "--dec", "dec"])
    checks.check("an existing destination: status 2", one_line_error(exists, 2, "-o "), exists.stderr.decode())
    orders = runner.run([bad, "-o", os.path.join(runner.work, "o"), "--ra", "ra", "--dec", "dec",
                         "--lowest-order", "5", "--highest-order", "3"])
    checks.check("lowest order above highest: status 2", one_line_error(orders, 2, "--lowest-order 5"),
                 orders.stderr.decode())
    threads = runner.run([bad, "-o", os.path.join(runner.work, "t"), "--ra", "ra", "--dec", "dec", "--threads", "0"])
    checks.check("--threads 0: status 2", one_line_error(threads, 2, "--threads needs a count from 1 to 256"),
                 threads.stderr.decode())
    absent = runner.run([os.path.join(runner.work, "absent.xml"), "-o", os.path.join(runner.work, "a"),
                         "--ra", "ra", "--dec", "dec"])
    checks.check("an unreadable input: one line, nothing left",
                 one_line_error(absent, 1, "open ") and not runner.leftovers("a") and not os.path.exists(
                     os.path.join(runner.work, "a")), absent.stderr.decode())


def check_interruptions(checks, runner):
    """SIGINT while the input is being read (from a pipe), SIGTERM while partitions are written."""
    table = sky_table(30_000, seed=9)
    path = os.path.join(runner.work, "interrupt.xml")
    write_votable(table, path, "tabledata")
    with open(path, "rb") as source:
        document = source.read()
    target = os.path.join(runner.work, "stopped")
    process = subprocess.Popen([runner.binary, "hats", "-", "-o", target, "--ra", "ra", "--dec", "dec"],
                               stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdin.write(document[:len(document) // 2])
    process.stdin.flush()
    deadline = time.monotonic() + 20
    while not runner.leftovers("stopped") and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    try:
        process.stdin.write(document[len(document) // 2:])
        process.stdin.close()
    except BrokenPipeError:
        pass
    process.wait(timeout=60)
    checks.check("SIGINT while reading: ends by the signal, nothing left",
                 process.returncode == -signal.SIGINT and not os.path.exists(target) and not runner.leftovers("stopped"),
                 f"status {process.returncode}, left {runner.leftovers('stopped')}")

    target = os.path.join(runner.work, "stopped2")
    process = subprocess.Popen([runner.binary, "hats", path, "-o", target, "--ra", "ra", "--dec", "dec",
                                "--pixel-threshold", "200", "--highest-order", "9"], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    signalled = False
    while process.poll() is None and time.monotonic() < deadline:
        partial = runner.leftovers("stopped2")
        if partial and glob.glob(os.path.join(runner.work, partial[0], "dataset", "Norder=*")):
            process.send_signal(signal.SIGTERM)
            signalled = True
            break
        time.sleep(0.005)
    process.wait(timeout=60)
    if signalled:
        checks.check("SIGTERM while writing partitions: ends by the signal, nothing left",
                     process.returncode == -signal.SIGTERM and not os.path.exists(target)
                     and not runner.leftovers("stopped2"),
                     f"status {process.returncode}, left {runner.leftovers('stopped2')}")
    else:
        print("note: the run finished before a partition appeared; SIGTERM while writing not checked")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voparquet", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    checks = Checks()
    runner = Runner(args.voparquet, args.work)
    check_positions(checks, runner)
    check_usage(checks, runner)
    check_multiple_inputs(checks, runner)
    check_interruptions(checks, runner)
    print(f"hats command line: {checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
