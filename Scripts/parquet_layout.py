"""Print the layout of Parquet files: rows, row groups, footer size, file size.

Usage: parquet_layout.py FILE...

One JSON line per file: ``{"path": p, "bytes": file size, "rows": n,
"row_groups": k, "footer_bytes": serialized FileMetaData length}``.  The footer
length is the little-endian 32-bit number before the closing ``PAR1``; pyarrow
reads the row counts.  Run as its own process so that the caller stays small.
"""

import json
import os
import struct
import sys

import pyarrow.parquet as pq


def layout(path):
    """The layout of one file as a dict."""
    with open(path, "rb") as f:
        f.seek(-8, os.SEEK_END)
        footer_bytes, magic = struct.unpack("<I4s", f.read(8))
    if magic != b"PAR1":
        raise ValueError(f"{path}: not a Parquet file (no closing PAR1)")
    metadata = pq.ParquetFile(path).metadata
    return {"path": path, "bytes": os.path.getsize(path), "rows": metadata.num_rows,
            "row_groups": metadata.num_row_groups, "footer_bytes": footer_bytes}


def main(argv):
    """Print each file's layout."""
    if not argv:
        print("usage: parquet_layout.py FILE...", file=sys.stderr)
        return 2
    for path in argv:
        print(json.dumps(layout(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
