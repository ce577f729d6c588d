"""A synthetic object table with a realistic sky density, for the `voparquet hats` tests.

Most rows fall in a few dense fields (Gaussian clusters of different widths, one crossing
ra = 0), a few percent are spread over the whole sky, a handful sit near each pole and in
one isolated patch. Columns: a 64-bit id, ra/dec in degrees, a float magnitude with nulls,
a band letter, 16-bit flags, an 8-bit count and a 3-element double array.
"""

import numpy as np
import pyarrow as pa
from astropy.table import Table, MaskedColumn

FIELDS = [
    # (ra, dec, sigma in degrees, share of the dense rows)
    (150.1, 2.2, 0.6, 0.40),
    (53.1, -28.1, 0.3, 0.25),
    (0.2, -30.0, 1.5, 0.20),
    (270.0, 66.5, 3.0, 0.15),
]


def sky_positions(rng, rows):
    dense = int(rows * 0.95)
    ra, dec = [], []
    for index, (center_ra, center_dec, sigma, share) in enumerate(FIELDS):
        count = int(dense * share) if index < len(FIELDS) - 1 else dense - sum(len(r) for r in ra)
        dec_values = np.clip(center_dec + rng.normal(0, sigma, count), -90, 90)
        ra.append(center_ra + rng.normal(0, sigma, count) / np.cos(np.radians(dec_values)))
        dec.append(dec_values)
    special = 40
    background = rows - dense - special
    ra.append(rng.uniform(0, 360, background))
    dec.append(np.degrees(np.arcsin(rng.uniform(-1, 1, background))))
    # Near and at both poles, on ra = 0, and an isolated patch.
    ra.append(np.concatenate([rng.uniform(0, 360, 10), rng.uniform(0, 360, 10), [0.0] * 5, [320.0] * 15]))
    dec.append(np.concatenate([89.99 + rng.uniform(0, 0.01, 9), [90.0], -89.99 - rng.uniform(0, 0.01, 9),
                               [-90.0], rng.uniform(-10, 10, 5), 75.0 + rng.uniform(0, 0.01, 15)]))
    return np.mod(np.concatenate(ra), 360.0), np.concatenate(dec)


def sky_table(rows, seed=2026):
    """An astropy Table of `rows` rows (the same for the same arguments)."""
    rng = np.random.default_rng(seed)
    ra, dec = sky_positions(rng, rows)
    order = rng.permutation(rows)
    ra, dec = ra[order], dec[order]
    mag = rng.uniform(14, 26, rows).astype(np.float32)
    table = Table()
    table["objectId"] = np.arange(rows, dtype=np.int64) * 7 + 1_609_000_000_000
    table["ra"] = ra
    table["ra"].unit = "deg"
    table["dec"] = dec
    table["dec"].unit = "deg"
    table["mag"] = MaskedColumn(mag, mask=rng.random(rows) < 0.05)
    table["band"] = np.array(list("ugrizy"))[rng.integers(0, 6, rows)]
    table["flags"] = rng.integers(0, 1 << 15, rows).astype(np.int16)
    table["nobs"] = rng.integers(0, 255, rows).astype(np.uint8)
    table["psf"] = rng.normal(0, 1, (rows, 3))
    return table


def write_votable(table, path, serialization="binary2"):
    table.write(path, format="votable", tabledata_format=serialization, overwrite=True)


def arrow_table(table):
    """The rows of a `sky_table` as Arrow, for hats-import's parquet reader and for comparisons."""
    return pa.table({
        "objectId": pa.array(table["objectId"]),
        "ra": pa.array(table["ra"].data),
        "dec": pa.array(table["dec"].data),
        "mag": pa.array(table["mag"].data.data, mask=table["mag"].mask),
        "band": pa.array(table["band"].astype(str)),
        "flags": pa.array(table["flags"].data),
        "nobs": pa.array(table["nobs"].data),
        "psf": pa.array(list(table["psf"].data), type=pa.list_(pa.float64())),
    })
