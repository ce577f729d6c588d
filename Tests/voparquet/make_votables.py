"""Write the VOTable fixtures of the VOParquet round trip with astropy.

Usage (from the repository root):
    .venv/bin/python Tests/voparquet/make_votables.py [OUT_DIR]   # default Fixtures/votable

Writes, for one table covering every VOTable datatype, arraysize form and null
case that astropy can write:
  alltypes_tabledata.xml, alltypes_binary.xml, alltypes_binary2.xml,
  alltypes_expected.json   (the values as written, for check_voparquet.py)
multidim_tabledata.xml with a variable multi-dimensional array, which astropy
8 writes only as TABLEDATA (its BINARY writers fail on such columns, and it
rejects multi-dimensional char arrays altogether), and sample.xml, a small
catalog-like result in BINARY2 that the README converts.

Values in alltypes_expected.json: per column a list with one entry per row,
null for a masked cell; floats as numbers or "NaN"/"Infinity"/"-Infinity"
(-0.0 stays -0.0); complex numbers as [real, imaginary]; arrays flattened in
VOTable order (first index fastest), masked elements null.
"""

import json
import math
import os
import sys
import warnings

import numpy as np
from astropy.io.votable.tree import Field, Info, Param, Resource, TableElement, VOTableFile

ROWS = 6
INF = math.inf
NAN = math.nan

# name, datatype, arraysize, VALUES null, unit, ucd, description, values (None = masked).
COLUMNS = [
    ("flag", "boolean", None, None, None, "meta.code", "A boolean",
     [True, False, None, True, False, None]),
    ("bit1", "bit", None, None, None, None, "A single bit", [True, False, True, False, True, False]),
    ("ubyte", "unsignedByte", None, 255, "ct", None, "An unsigned byte", [0, 254, None, 7, 128, 1]),
    ("short16", "short", None, -32768, None, None, "A short", [-32767, 32767, None, 0, -1, 12]),
    ("int32", "int", None, -2147483648, "pix", "pos.cartesian.x", "An int",
     [2147483647, -2147483647, None, 0, 42, -42]),
    ("long64", "long", None, -9223372036854775808, None, "meta.id", "A long",
     [9223372036854775807, -9223372036854775807, None, 0, 1 << 40, -5]),
    ("real32", "float", None, None, "mag", "phot.mag", "A float",
     [1.5, -0.0, None, INF, NAN, 3.4028234663852886e38]),
    ("real64", "double", None, None, "deg", "pos.eq.ra", "A double", [0.1, -0.0, None, -INF, NAN, 5e-324]),
    ("letter", "char", None, None, None, None, "One character", ["a", "Z", None, "x", "q", "0"]),
    ("fixed8", "char", "8", None, None, None, "char[8]", ["abcdefgh", "ab", None, "", "x y", "12345678"]),
    ("text", "char", "*", None, None, "meta.note", "Free text",
     ["hello", "", None, "with <markup> & amp", "  lead", "tab\there"]),
    ("upto10", "char", "10*", None, None, None, "At most ten characters",
     ["0123456789", "short", None, "a", "", "ten chars!"]),
    ("wide", "unicodeChar", "*", None, None, None, "Unicode text",
     ["\u00e9\u20ac\u4e2d", "", None, "ASCII", "\u00fc", "\u00f1and\u00fa"]),
    ("wide4", "unicodeChar", "4", None, None, None, "unicodeChar[4]",
     ["\u00e9t\u00e9", "ab", None, "", "\u4e2d\u6587", "abcd"]),
    ("int3", "int", "3", -1, None, None, "int[3], element null -1",
     [[1, 2, 3], [4, None, 6], None, [7, 8, 9], [0, 0, 0], [-5, 5, -5]]),
    ("doubles", "double", "*", None, "Jy", None, "double[*]",
     [[1.5, 2.5], [], None, [NAN], [-0.0, INF], [1e300]]),
    ("floats4", "float", "4*", None, None, None, "float[4*]",
     [[1.0, 2.0, 3.0, 4.0], [0.5], None, [], [-1.0], [2.0, 2.0]]),
    ("grid", "short", "2x3", -32768, None, None, "short[2x3]",
     [[1, 2, 3, 4, 5, 6], [0] * 6, None, [-1, -2, -3, -4, -5, -6], [7] * 6, [1, 0, 1, 0, 1, 0]]),
    ("bits5", "bit", "5", None, None, None, "bit[5]",
     [[True, False, True, True, False], [False] * 5, [True] * 5, [False, True, False, True, False],
      [True, False, False, False, False], [False, False, False, False, True]]),
    ("flags3", "boolean", "3", None, None, None, "boolean[3]",
     [[True, False, True], [False, False, False], None, [True, None, False], [True, True, True],
      [False, True, None]]),
    ("z32", "floatComplex", None, None, None, None, "floatComplex",
     [complex(1, 2), complex(0, -0.5), None, complex(INF, 0), complex(-1, 1), complex(0.25, 0.75)]),
    ("z64x2", "doubleComplex", "2", None, None, None, "doubleComplex[2]",
     [[complex(1, 1), complex(2, -2)], [complex(0, 0), complex(0, 1)], None,
      [complex(-1, 0), complex(1e-300, 1e300)], [complex(3, 3), complex(4, 4)], [complex(5, 0), complex(0, 5)]]),
    ("bytes", "unsignedByte", "*", 200, None, None, "unsignedByte[*]",
     [[0, 255], [], None, [1], [2, 3, 4], [9]]),
    ("when", "char", "*", None, None, "time.epoch", "ISO-8601 timestamp",
     ["2024-01-02T03:04:05.123456Z", "1999-12-31T23:59:59", None, "2000-02-29", "1970-01-01T00:00:00.5",
      "2038-01-19T03:14:08Z"]),
]
TIMESTAMP_COLUMNS = {"when"}

NUMPY_TYPES = {"boolean": bool, "bit": bool, "unsignedByte": np.uint8, "short": np.int16, "int": np.int32,
               "long": np.int64, "float": np.float32, "double": np.float64, "floatComplex": np.complex64,
               "doubleComplex": np.complex128}


def numpy_shape(arraysize):
    """astropy's numpy shape for a fixed arraysize: VOTable dimensions reversed."""
    return tuple(int(part) for part in reversed(arraysize.split("x")))


def make_table(vot, columns, rows, name):
    """A TABLE with the given columns' FIELDs and `rows` rows of data."""
    table = TableElement(vot, name=name, ID=name)
    table.description = "Every VOTable datatype, arraysize form and null case"
    table.params.append(Param(vot, name="survey", datatype="char", arraysize="*", value="test"))
    for name, datatype, arraysize, null, unit, ucd, description, _ in columns:
        field = Field(vot, name=name, ID=name, datatype=datatype, arraysize=arraysize, unit=unit, ucd=ucd,
                      xtype="timestamp" if name in TIMESTAMP_COLUMNS else None)
        field.description = description
        if null is not None:
            field.values.null = null
        table.fields.append(field)
    table.create_arrays(rows)
    for name, datatype, arraysize, null, _, _, _, values in columns:
        for row, value in enumerate(values):
            set_cell(table, name, datatype, arraysize, null, row, value)
    return table


def set_cell(table, name, datatype, arraysize, null, row, value):
    """Stores one cell's value and mask."""
    data, mask = table.array[name], table.array.mask[name]
    variable = arraysize is not None and arraysize.endswith("*")
    if datatype in ("char", "unicodeChar") or arraysize is None:
        if value is None:
            mask[row] = True
        else:
            data[row] = value
        return
    if variable:
        elements = [] if value is None else value
        # Each cell of a variable-length column is itself a (masked) array.
        data.data[row] = np.ma.array(np.array([0 if e is None else e for e in elements], dtype=NUMPY_TYPES[datatype]),
                                     mask=[e is None for e in elements])
        if value is None:
            mask[row] = True
        return
    shape = numpy_shape(arraysize)
    if value is None:
        mask[row] = np.ones(shape, dtype=bool)
        return
    flat = np.array([0 if e is None else e for e in value], dtype=NUMPY_TYPES[datatype])
    # VOTable order is first index fastest: numpy's C order over the reversed shape.
    data[row] = flat.reshape(shape)
    mask[row] = np.array([e is None for e in value]).reshape(shape)


def document(columns, name, rows=ROWS):
    """A VOTable with the table and some metadata around it."""
    vot = VOTableFile(version="1.4")
    resource = Resource(type="results")
    vot.resources.append(resource)
    resource.infos.append(Info(name="QUERY_STATUS", value="OK"))
    resource.tables.append(make_table(vot, columns, rows, name))
    return vot


def canonical(value):
    """The JSON form of one value (see the module docstring)."""
    if value is None:
        return None
    if isinstance(value, complex):
        return [canonical(value.real), canonical(value.imag)]
    if isinstance(value, list):
        flat = []
        for element in value:
            item = canonical(element)
            flat.extend(item if isinstance(element, complex) else [item])
        return flat
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
    return value


def expected(columns):
    """Column descriptions and values for the checker."""
    return {"rows": ROWS, "columns": [
        {"name": name, "datatype": datatype, "arraysize": arraysize, "null": null, "unit": unit, "ucd": ucd,
         "description": description, "timestamp": name in TIMESTAMP_COLUMNS,
         "values": [canonical(value) for value in values]}
        for name, datatype, arraysize, null, unit, ucd, description, values in columns]}


SAMPLE_ROWS = 25


def sample_document():
    """A small object catalog as a TAP service would return it, in BINARY2."""
    rows = np.arange(SAMPLE_ROWS)
    columns = [
        ("objectId", "long", None, None, None, "meta.id;meta.main", "Object identifier",
         [1_609_450_000_000 + int(r) * 17 for r in rows]),
        ("coord_ra", "double", None, None, "deg", "pos.eq.ra;meta.main", "Right ascension (ICRS)",
         [55.0 + float(r) * 0.0125 for r in rows]),
        ("coord_dec", "double", None, None, "deg", "pos.eq.dec;meta.main", "Declination (ICRS)",
         [-29.5 + float(r) * 0.01 for r in rows]),
        ("g_mag", "float", None, None, "mag", "phot.mag;em.opt.B", "g-band magnitude",
         [None if r % 7 == 3 else 20.0 + float(r % 11) * 0.25 for r in rows]),
        ("r_mag", "float", None, None, "mag", "phot.mag;em.opt.R", "r-band magnitude",
         [19.5 + float(r % 13) * 0.125 for r in rows]),
        ("band", "char", "1", None, None, "instr.bandpass", "Reference band", ["gri"[r % 3] for r in rows]),
        ("extended", "boolean", None, None, None, "src.morph", "Extended source", [bool(r % 4 == 0) for r in rows]),
        ("nChild", "short", None, -1, None, "meta.number", "Deblended children", [int(r % 3) for r in rows]),
    ]
    vot = document(columns, "objects", rows=SAMPLE_ROWS)
    table = vot.resources[0].tables[0]
    table.description = "Objects in a small cone, a sample TAP result"
    table.format = "binary2"
    return vot, columns


def main(argv):
    """Write every fixture into the output directory."""
    # astropy warns (W47) about the char FIELD without arraysize, which is written on purpose.
    warnings.simplefilter("ignore")
    out = argv[0] if argv else os.path.join(os.path.dirname(__file__), "..", "..", "Fixtures", "votable")
    os.makedirs(out, exist_ok=True)
    vot = document(COLUMNS, "alltypes")
    for serialization in ("tabledata", "binary", "binary2"):
        vot.resources[0].tables[0].format = serialization
        vot.to_xml(os.path.join(out, f"alltypes_{serialization}.xml"))
    with open(os.path.join(out, "alltypes_expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected(COLUMNS), f, indent=1)
        f.write("\n")
    vot, columns = sample_document()
    vot.to_xml(os.path.join(out, "sample.xml"))
    with open(os.path.join(out, "sample_expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected(columns), f, indent=1)
        f.write("\n")
    multidim = [("cube", "long", "2x*", None, None, None, "long[2x*]", [[1, 2, 3, 4], [5, 6], None, [], [7, 8], [0, 9]])]
    vot = document(multidim, "multidim")
    vot.resources[0].tables[0].format = "tabledata"
    vot.to_xml(os.path.join(out, "multidim_tabledata.xml"))
    with open(os.path.join(out, "multidim_expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected(multidim), f, indent=1)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
