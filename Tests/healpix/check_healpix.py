#!/usr/bin/env python3
"""Compares the Swift HEALPix module with cdshealpix, as HATS calls it, at every order 0..29.

Usage: check_healpix.py --healpix-interop .build/debug/healpix-interop [--points 1000000]

Writes (ra, dec) positions in degrees to a file, runs the `healpix-interop` driver on it
and checks that every NESTED index it wrote equals cdshealpix's for the same doubles,
reached the way `hats.pixel_math.healpix_shim.radec2pix` reaches it (astropy `Longitude`
and `Latitude` in degrees, converted to radians). The positions are uniform on the
sphere plus the hard cases: both poles, ra = 0, 360, -0.0 and outside [0, 360), the
equator and the latitudes where the polar caps begin, the meridians between base cells,
and cell corners at every order with their neighbouring doubles. Positions that have no
cell (NaN, infinite, |dec| > 90) must come back as -1.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import astropy.units as u
import cdshealpix
from astropy.coordinates import Latitude, Longitude

ORDERS = range(30)


def reference(order, ra, dec):
    """cdshealpix's index at `order`, as hats' radec2pix computes it."""
    return cdshealpix.lonlat_to_healpix(
        Longitude(ra, unit="deg"), Latitude(dec, unit="deg"), order).astype(np.int64)


def corner_positions(rng, count):
    """Corners of random cells at every order, and the doubles next to them."""
    orders = rng.integers(0, 30, count)
    cells = (rng.random(count) * 12.0 * 4.0 ** orders).astype(np.uint64)
    ra, dec = [], []
    for order in ORDERS:
        chosen = cells[orders == order]
        if len(chosen) == 0:
            continue
        lon, lat = cdshealpix.nested.vertices(chosen, order)
        ra.append(np.asarray(lon.to_value(u.deg)).ravel())
        dec.append(np.asarray(lat.to_value(u.deg)).ravel())
    ra, dec = np.concatenate(ra), np.concatenate(dec)
    ra_up, ra_down = np.nextafter(ra, np.inf), np.nextafter(ra, -np.inf)
    dec_up, dec_down = np.nextafter(dec, np.inf), np.nextafter(dec, -np.inf)
    ra = np.concatenate([ra, ra_up, ra_down, ra, ra])
    dec = np.concatenate([dec, dec, dec, dec_up, dec_down])
    return ra, np.clip(dec, -90.0, 90.0)


def special_positions(rng):
    """Poles, the wrap of ra, the equator, the cap edges and the base-cell meridians."""
    transition = np.degrees(np.arcsin(2.0 / 3.0))
    latitudes = [90.0, -90.0, 0.0, -0.0, transition, -transition]
    latitudes += [np.nextafter(v, d) for v in (90.0, -90.0, transition, -transition, 0.0) for d in (np.inf, -np.inf)]
    latitudes = [v for v in latitudes if -90.0 <= v <= 90.0]
    longitudes = [0.0, -0.0, 360.0, np.nextafter(360.0, 0.0), np.nextafter(0.0, 1.0), -10.0, 370.0, 720.0,
                  -360.0, -1e-300, 359.9999999999]
    longitudes += [45.0 * k for k in range(9)] + [90.0 / 2 ** k for k in range(1, 30)]
    longitudes += list(rng.uniform(0, 360, 20))
    ra = np.repeat(longitudes, len(latitudes)).astype(np.float64)
    dec = np.tile(latitudes, len(longitudes)).astype(np.float64)
    more_dec = list(rng.uniform(-90, 90, 50)) + [90.0 * k / 64 for k in range(-64, 65)]
    ra = np.concatenate([ra, np.repeat([0.0, 360.0, 90.0, 180.0, 270.0], len(more_dec))])
    dec = np.concatenate([dec, np.tile(more_dec, 5)])
    return ra, dec


def invalid_positions():
    ra = np.array([np.nan, 10.0, np.inf, 10.0, 10.0, -np.inf, 10.0, 10.0])
    dec = np.array([0.0, np.nan, 0.0, np.inf, 90.000001, 0.0, -90.5, -np.inf])
    return ra, dec


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--healpix-interop", required=True)
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20050420)
    args = parser.parse_args()

    rng = np.random.default_rng(args.seed)
    special_ra, special_dec = special_positions(rng)
    corner_ra, corner_dec = corner_positions(rng, max(args.points // 40, 100))
    uniform = max(args.points - len(special_ra) - len(corner_ra), 0)
    uniform_ra = rng.uniform(0.0, 360.0, uniform)
    uniform_dec = np.degrees(np.arcsin(rng.uniform(-1.0, 1.0, uniform)))
    bad_ra, bad_dec = invalid_positions()
    ra = np.concatenate([special_ra, corner_ra, uniform_ra, bad_ra])
    dec = np.concatenate([special_dec, corner_dec, uniform_dec, bad_dec])
    valid = np.isfinite(ra) & np.isfinite(dec) & (np.abs(dec) <= 90.0)

    with tempfile.TemporaryDirectory() as directory:
        positions = os.path.join(directory, "positions.bin")
        indexes = os.path.join(directory, "indexes.bin")
        np.column_stack([ra, dec]).astype("<f8").tofile(positions)
        start = time.monotonic()
        subprocess.run([args.healpix_interop, positions, indexes], check=True)
        swift_seconds = time.monotonic() - start
        swift = np.fromfile(indexes, dtype="<i8").reshape(len(ra), len(ORDERS))

    failures = 0
    for order in ORDERS:
        expected = np.full(len(ra), -1, dtype=np.int64)
        expected[valid] = reference(order, ra[valid], dec[valid])
        wrong = np.flatnonzero(swift[:, order] != expected)
        if len(wrong):
            failures += 1
            first = wrong[0]
            print(f"order {order}: {len(wrong)} of {len(ra)} differ; first ra={ra[first]!r} dec={dec[first]!r}: "
                  f"swift {swift[first, order]}, cdshealpix {expected[first]}")
    print(f"healpix: {len(ra)} positions ({len(special_ra)} special, {len(corner_ra)} at cell corners, "
          f"{len(bad_ra)} without a cell) at orders 0..29; Swift driver {swift_seconds:.1f} s")
    print(f"healpix: {len(ORDERS) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
