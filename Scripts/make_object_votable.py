"""Write a DP0.2 Object VOTable with BINARY2 data, for the VOParquet benchmark.

Usage:
    make_object_votable.py --object-json PATH --rows N --out FILE

The document is the envelope's header, a BINARY2 base64 STREAM, then its
footer.  Values follow the ``object`` workload of Scripts/bench_pyarrow.py
(r = row index from 0, c = column index): double = null when
``(r + c) % 10 == 0`` else ``((r * 7919 + c * 104729) % 1000003) * 1e-4``;
float = float32 of that; boolean = ``(r * 31 + c) % 50 == 0``; int =
``(r * 131 + c) % 100000``; long = ``r * 1000 + c``; char = ``"v" +
str((r * 17 + c) % 5000)``.  Rows are generated and encoded 2,000 at a time,
so memory stays small whatever N is.
"""

import argparse
import base64
import json
import sys

import numpy as np

BATCH_ROWS = 2000
# Bytes per base64 line; a multiple of 3 bytes of input per line keeps lines independent.
LINE_INPUT_BYTES = 57
NUMPY_TYPES = {"double": ">f8", "float": ">f4", "boolean": "S1", "int": ">i4", "long": ">i8"}


def column_values(c, datatype, r):
    """Values of column ``c`` for row indices ``r``, and its null mask (or None)."""
    scaled = ((r * 7919 + c * 104729) % 1000003).astype(np.float64) * 1e-4
    if datatype == "double":
        return scaled, (r + c) % 10 == 0
    if datatype == "float":
        return scaled.astype(np.float32), None
    if datatype == "boolean":
        return np.where((r * 31 + c) % 50 == 0, b"T", b"F"), None
    if datatype == "int":
        return ((r * 131 + c) % 100000).astype(np.int32), None
    if datatype == "long":
        return r * 1000 + c, None
    if datatype == "char":
        return [f"v{v}".encode() for v in ((r * 17 + c) % 5000).tolist()], None
    raise ValueError(f"unsupported datatype {datatype!r}")


def segments(column_types):
    """Runs of fixed-width columns between variable-length (char) columns."""
    runs, current = [], []
    for c, column in enumerate(column_types):
        if column["datatype"] == "char":
            if current:
                runs.append(("fixed", current))
                current = []
            runs.append(("char", c))
        else:
            current.append(c)
    if current:
        runs.append(("fixed", current))
    return runs


def encode_batch(column_types, runs, first_row, rows):
    """The BINARY2 bytes of rows first_row ..< first_row + rows."""
    r = np.arange(first_row, first_row + rows, dtype=np.int64)
    flags = np.zeros((rows, (len(column_types) + 7) // 8), dtype=np.uint8)
    values = {}
    for c, column in enumerate(column_types):
        data, mask = column_values(c, column["datatype"], r)
        values[c] = data
        if mask is not None:
            flags[mask, c // 8] |= np.uint8(0x80 >> (c % 8))
    parts = [[row.tobytes()] for row in flags]
    for kind, payload in runs:
        if kind == "char":
            for index, text in enumerate(values[payload]):
                parts[index].append(len(text).to_bytes(4, "big") + text)
            continue
        dtype = np.dtype([(str(c), NUMPY_TYPES[column_types[c]["datatype"]]) for c in payload])
        block = np.empty(rows, dtype=dtype)
        for c in payload:
            block[str(c)] = values[c]
        raw = block.tobytes()
        width = dtype.itemsize
        for index in range(rows):
            parts[index].append(raw[index * width:(index + 1) * width])
    return b"".join(b"".join(row) for row in parts)


def write_votable(object_json, rows, out):
    """Write the document; return the number of bytes written."""
    with open(object_json, encoding="utf-8") as f:
        shared = json.load(f)
    envelope, column_types = shared["envelope"], shared["columnTypes"]
    runs = segments(column_types)
    with open(out, "wb") as f:
        f.write(envelope["header"].encode())
        f.write(b'      <DATA>\n        <BINARY2>\n          <STREAM encoding="base64">\n')
        carry = b""
        for first in range(0, rows, BATCH_ROWS):
            data = carry + encode_batch(column_types, runs, first, min(BATCH_ROWS, rows - first))
            usable = len(data) - len(data) % LINE_INPUT_BYTES
            encoded = base64.encodebytes(data[:usable])
            f.write(encoded)
            carry = data[usable:]
        if carry:
            f.write(base64.encodebytes(carry))
        f.write(b"          </STREAM>\n        </BINARY2>\n      </DATA>\n")
        f.write(envelope["footer"].encode())
        return f.tell()


def main(argv):
    """Parse arguments and write the file."""
    parser = argparse.ArgumentParser(description="Write a DP0.2 Object BINARY2 VOTable.")
    parser.add_argument("--object-json", required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    size = write_votable(args.object_json, args.rows, args.out)
    print(json.dumps({"rows": args.rows, "bytes": size}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
