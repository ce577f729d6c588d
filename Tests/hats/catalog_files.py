"""The partition files of a HATS catalog, by (order, pixel).

Standard library only, so that the benchmark's launcher (Scripts/bench_hats.py) can
import it and stay small.
"""

import glob
import os


def partition_files(catalog):
    """{(Norder, Npix): path} for every `dataset/Norder=K/Dir=D/Npix=N.parquet` of `catalog`."""
    files = {}
    for path in glob.glob(os.path.join(catalog, "dataset", "Norder=*", "Dir=*", "Npix=*.parquet")):
        parts = dict(part.split("=") for part in os.path.relpath(path, os.path.join(catalog, "dataset"))
                     .removesuffix(".parquet").split(os.sep))
        files[(int(parts["Norder"]), int(parts["Npix"]))] = path
    return files
