"""Write a DP0.2 Object VOTable with BINARY2 data, for the VOParquet benchmark.

Usage:
    make_object_votable.py --object-json PATH --rows N --out FILE

The document is the envelope's header, a BINARY2 base64 STREAM, then its
footer.  The values are the realistic DP0.2 Object values of
Scripts/object_values.py (the same cells voparquet-bench and the Python writers
write); nulls are BINARY2 null flags.  Rows are generated and encoded 2,000 at a
time, so memory stays small whatever N is.
"""

import argparse
import base64
import json
import sys

import numpy as np

import object_values

BATCH_ROWS = 2000
# Bytes per base64 line; a multiple of 3 bytes of input per line keeps lines independent.
LINE_INPUT_BYTES = 57
NUMPY_TYPES = {"double": ">f8", "float": ">f4", "boolean": "S1", "int": ">i4", "long": ">i8"}


def binary2_values(c, column, r):
    """Column ``c``'s values at row indices ``r`` as BINARY2 wants them, and its null mask (or None)."""
    values, mask = object_values.column_values(c, column, r)
    datatype = column["datatype"]
    if datatype == "boolean":
        return np.where(values, b"T", b"F"), mask
    if datatype == "char":
        return [text.encode() for text in values.tolist()], mask
    return values.astype(NUMPY_TYPES[datatype]), mask


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
    r = object_values.row_range(first_row, rows)
    flags = np.zeros((rows, (len(column_types) + 7) // 8), dtype=np.uint8)
    values = {}
    for c, column in enumerate(column_types):
        data, mask = binary2_values(c, column, r)
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
