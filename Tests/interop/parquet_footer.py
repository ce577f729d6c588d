"""Read, edit and rewrite the Thrift footer of a Parquet file.

Used by the sample-file generator to give a pyarrow-written column a type
annotation that pyarrow itself never writes (for example the ENUM logical
type).  Only the footer changes; the column data stays byte-for-byte as
pyarrow wrote it, which is valid because the annotations edited here do not
change how values are encoded.
"""

import struct

import thrift_compact as tc

MAGIC = b"PAR1"

# Field ids of the Thrift structs in parquet.thrift that this module touches.
FILE_METADATA_SCHEMA = 2
SCHEMA_NAME = 4
SCHEMA_CONVERTED_TYPE = 6
SCHEMA_SCALE = 7
SCHEMA_PRECISION = 8
SCHEMA_LOGICAL_TYPE = 10

# ConvertedType enum values from parquet.thrift.
CONVERTED_TYPES = {
    "UTF8": 0, "ENUM": 4, "DECIMAL": 5, "DATE": 6,
    "TIME_MILLIS": 7, "TIME_MICROS": 8,
    "TIMESTAMP_MILLIS": 9, "TIMESTAMP_MICROS": 10,
    "UINT_8": 11, "UINT_16": 12, "UINT_32": 13, "UINT_64": 14,
    "INT_8": 15, "INT_16": 16, "INT_32": 17, "INT_64": 18, "JSON": 19,
}

# Field ids of the LogicalType union and of the TimeUnit union.
_LOGICAL_FIELD = {"STRING": 1, "ENUM": 4, "DECIMAL": 5, "DATE": 6, "TIME": 7,
                  "TIMESTAMP": 8, "INTEGER": 10, "JSON": 12, "UUID": 14,
                  "FLOAT16": 15}
_TIME_UNIT_FIELD = {"MILLIS": 1, "MICROS": 2, "NANOS": 3}


def split_file(data):
    """Split Parquet file bytes into ``(body, footer_fields)``.

    ``body`` is everything before the footer (starting with the leading
    magic); ``footer_fields`` is the decoded FileMetaData struct.
    """
    if data[:4] != MAGIC or data[-4:] != MAGIC:
        raise ValueError("not a Parquet file: magic bytes missing")
    footer_length = struct.unpack("<I", data[-8:-4])[0]
    footer_start = len(data) - 8 - footer_length
    fields, end = tc.decode_struct(data, footer_start)
    if end != len(data) - 8:
        raise ValueError("footer length does not match its Thrift encoding")
    return data[:footer_start], fields


def join_file(body, footer_fields):
    """Return Parquet file bytes made of ``body`` and an encoded footer."""
    footer = tc.encode_struct(footer_fields)
    return body + footer + struct.pack("<I", len(footer)) + MAGIC


def schema_element(footer_fields, name):
    """Return the schema element struct of the top-level column ``name``."""
    for element in footer_fields[FILE_METADATA_SCHEMA][1][1]:
        if element.get(SCHEMA_NAME, (None, b""))[1] == name.encode():
            return element
    raise KeyError(f"no schema element named {name!r}")


def logical_type(kind, **params):
    """Build a LogicalType union value as a decoded Thrift struct.

    ``kind`` is one of the names in ``_LOGICAL_FIELD``; TIME and TIMESTAMP
    take ``unit`` and ``is_adjusted_to_utc``, INTEGER takes ``bit_width`` and
    ``is_signed``, DECIMAL takes ``precision`` and ``scale``.
    """
    if kind in ("TIME", "TIMESTAMP"):
        unit = {_TIME_UNIT_FIELD[params["unit"]]: (tc.STRUCT, {})}
        body = {1: (tc.BOOL, params["is_adjusted_to_utc"]), 2: (tc.STRUCT, unit)}
    elif kind == "INTEGER":
        body = {1: (tc.BYTE, params["bit_width"]), 2: (tc.BOOL, params["is_signed"])}
    elif kind == "DECIMAL":
        body = {1: (tc.I32, params["scale"]), 2: (tc.I32, params["precision"])}
    else:
        body = {}
    return {_LOGICAL_FIELD[kind]: (tc.STRUCT, body)}


def set_annotation(element, logical, converted=None, precision=None, scale=None):
    """Replace the type annotation fields of a schema element in place.

    ``logical`` is a LogicalType struct (see ``logical_type``); ``converted``
    is a ConvertedType name or None; ``precision``/``scale`` are written for
    decimals.  Fields are kept in ascending id order.
    """
    for field_id in (SCHEMA_CONVERTED_TYPE, SCHEMA_SCALE, SCHEMA_PRECISION,
                     SCHEMA_LOGICAL_TYPE):
        element.pop(field_id, None)
    if converted is not None:
        element[SCHEMA_CONVERTED_TYPE] = (tc.I32, CONVERTED_TYPES[converted])
    if scale is not None:
        element[SCHEMA_SCALE] = (tc.I32, scale)
    if precision is not None:
        element[SCHEMA_PRECISION] = (tc.I32, precision)
    element[SCHEMA_LOGICAL_TYPE] = (tc.STRUCT, logical)
    ordered = sorted(element.items())
    element.clear()
    element.update(ordered)


def relabel_columns(path, annotations):
    """Rewrite the footer of the file at ``path`` with new annotations.

    ``annotations`` maps a column name to keyword arguments for
    ``set_annotation``.
    """
    with open(path, "rb") as f:
        data = f.read()
    body, footer = split_file(data)
    for name, kwargs in annotations.items():
        set_annotation(schema_element(footer, name), **kwargs)
    with open(path, "wb") as f:
        f.write(join_file(body, footer))
