#!/usr/bin/env python3
"""Compares AdaptivePartitioning with hats-import's alignment on the same counts.

Usage: check_partitioning.py --partition-interop .build/debug/hats-partition-interop

For sky-like histograms (dense clusters, a sparse background, an isolated patch) at
several highest orders, lowest orders and thresholds, the partitions (order, pixel, rows)
printed by the `hats-partition-interop` driver must equal the destination pixels that
hats-import derives from `hats.pixel_math.generate_alignment` with the arguments its
pipeline passes (drop_empty_siblings=True, use_lower_order=True), or from its constant
order alignment when the lowest and highest orders are equal; a cell over the threshold
must be refused by both.
"""

import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np
from hats import pixel_math
from hats.pixel_math import healpix_shim as hp


def sky_histogram(rng, order, rows):
    """Counts at `order` of clustered positions over a sparse all-sky background."""
    count_dense = int(rows * 0.8)
    centers = [(150.0, 2.0, 1.5), (53.0, -28.0, 0.7), (10.0, -45.0, 4.0)]
    ra, dec = [], []
    for index, (center_ra, center_dec, radius) in enumerate(centers):
        n = count_dense // len(centers) if index else count_dense - 2 * (count_dense // len(centers))
        ra.append(center_ra + rng.normal(0, radius, n) / np.cos(np.radians(center_dec)))
        dec.append(np.clip(center_dec + rng.normal(0, radius, n), -90, 90))
    sparse = rows - count_dense
    ra.append(rng.uniform(0, 360, sparse))
    dec.append(np.degrees(np.arcsin(rng.uniform(-1, 1, sparse))))
    # A lone patch: a few rows in one small cell far from everything else.
    ra.append(np.full(7, 300.0))
    dec.append(np.full(7, 70.0))
    ra = np.mod(np.concatenate(ra), 360.0)
    dec = np.concatenate(dec)
    pixels = hp.radec2pix(order, ra, dec)
    return np.bincount(pixels, minlength=hp.order2npix(order)).astype(np.int64)


def hats_import_partitions(histogram, highest, lowest, threshold):
    """What hats-import's ResumePlan.get_alignment_file makes of the counts."""
    if lowest == highest:
        return sorted((highest, int(pixel), int(rows)) for pixel, rows in enumerate(histogram) if rows > 0)
    alignment = pixel_math.generate_alignment(
        histogram, highest_order=highest, lowest_order=lowest, threshold=threshold,
        drop_empty_siblings=True, use_lower_order=True)
    return sorted({(int(a[0]), int(a[1]), int(a[2])) for a in alignment if a is not None and a[2] > 0})


def swift_partitions(driver, histogram, highest, lowest, threshold, directory):
    counts = os.path.join(directory, "counts.bin")
    nonzero = np.flatnonzero(histogram)
    np.column_stack([nonzero, histogram[nonzero]]).astype("<i8").tofile(counts)
    result = subprocess.run([driver, counts, str(highest), str(lowest), str(threshold)],
                            capture_output=True, text=True)
    if result.returncode == 3:
        return result.stdout.strip()
    result.check_returncode()
    return sorted(tuple(int(v) for v in line.split(",")) for line in result.stdout.split())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partition-interop", required=True)
    args = parser.parse_args()
    rng = np.random.default_rng(29)
    cases = [
        # (highest order, lowest order, threshold, rows)
        (5, 0, 30_000, 200_000), (6, 0, 15_000, 200_000), (6, 2, 12_000, 200_000), (7, 0, 2_000, 100_000),
        (7, 3, 5_000, 100_000), (6, 0, 1_000_000, 50_000), (4, 4, 10, 50_000), (6, 6, 1_000, 50_000),
        (3, 1, 30_000, 100_000), (8, 0, 300, 60_000), (8, 2, 1_000, 100_000),
        # A cell over the threshold: refused.
        (6, 1, 2, 20_000),
    ]
    failures = 0
    with tempfile.TemporaryDirectory() as directory:
        for highest, lowest, threshold, rows in cases:
            histogram = sky_histogram(rng, highest, rows)
            try:
                expected = hats_import_partitions(histogram, highest, lowest, threshold)
            except ValueError as error:
                expected = f"hats-import refused: {error}"
            got = swift_partitions(args.partition_interop, histogram, highest, lowest, threshold, directory)
            name = f"highest {highest}, lowest {lowest}, threshold {threshold}, {rows} rows"
            if isinstance(expected, str) or isinstance(got, str):
                ok = isinstance(expected, str) and isinstance(got, str) and "more than the pixel threshold" in got
                detail = f"{expected} / swift: {got}"
            else:
                ok = got == expected and sum(p[2] for p in got) == histogram.sum()
                orders = sorted({p[0] for p in got})
                detail = f"{len(got)} partitions at orders {orders}"
                if not ok:
                    detail += f"; hats-import {len(expected)}: only there {sorted(set(expected) - set(got))[:5]}, " \
                              f"only here {sorted(set(got) - set(expected))[:5]}"
            print(f"{'ok' if ok else 'FAILED'}: {name}: {detail}")
            failures += not ok
    print(f"partitioning: {len(cases) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
