"""Read, edit and rewrite the Thrift footer of a Parquet file.

Used by the sample-file generator to give a pyarrow-written column a type
annotation that pyarrow itself never writes (for example the ENUM logical
type).  Only the footer changes; the column data stays byte-for-byte as
pyarrow wrote it, which is valid because the annotations edited here do not
change how values are encoded.

Also used by the pyarrow checks to see the group schema elements of LIST
columns, which pyarrow's metadata API does not expose.
"""

import struct
from dataclasses import dataclass

import thrift_compact as tc

MAGIC = b"PAR1"

# Field ids of the Thrift structs in parquet.thrift that this module touches.
FILE_METADATA_SCHEMA = 2
SCHEMA_TYPE = 1
SCHEMA_REPETITION = 3
SCHEMA_NAME = 4
SCHEMA_NUM_CHILDREN = 5
SCHEMA_CONVERTED_TYPE = 6
SCHEMA_SCALE = 7
SCHEMA_PRECISION = 8
SCHEMA_LOGICAL_TYPE = 10

FILE_METADATA_ROW_GROUPS = 4
ROW_GROUP_COLUMNS = 1
COLUMN_CHUNK_META_DATA = 3
COLUMN_META_DATA_PATH = 3
COLUMN_META_DATA_TOTAL_COMPRESSED_SIZE = 7
COLUMN_META_DATA_DATA_PAGE_OFFSET = 9
COLUMN_META_DATA_DICTIONARY_PAGE_OFFSET = 11
PAGE_HEADER_TYPE = 1
PAGE_HEADER_COMPRESSED_SIZE = 3
PAGE_HEADER_DATA_PAGE = 5
PAGE_HEADER_DATA_PAGE_V2 = 8
# num_values in DataPageHeader and in DataPageHeaderV2.
DATA_PAGE_NUM_VALUES = 1

# Encoding and PageType enum values from parquet.thrift.
ENCODINGS = {0: "PLAIN", 2: "PLAIN_DICTIONARY", 3: "RLE", 4: "BIT_PACKED", 5: "DELTA_BINARY_PACKED",
             6: "DELTA_LENGTH_BYTE_ARRAY", 7: "DELTA_BYTE_ARRAY", 8: "RLE_DICTIONARY", 9: "BYTE_STREAM_SPLIT"}
PAGE_TYPES = {0: "DATA_PAGE", 1: "INDEX_PAGE", 2: "DICTIONARY_PAGE", 3: "DATA_PAGE_V2"}

# ConvertedType enum values from parquet.thrift.
CONVERTED_TYPES = {
    "UTF8": 0, "LIST": 3, "ENUM": 4, "DECIMAL": 5, "DATE": 6,
    "TIME_MILLIS": 7, "TIME_MICROS": 8,
    "TIMESTAMP_MILLIS": 9, "TIMESTAMP_MICROS": 10,
    "UINT_8": 11, "UINT_16": 12, "UINT_32": 13, "UINT_64": 14,
    "INT_8": 15, "INT_16": 16, "INT_32": 17, "INT_64": 18, "JSON": 19,
}

# Field ids of the LogicalType union and of the TimeUnit union.
_LOGICAL_FIELD = {"STRING": 1, "LIST": 3, "ENUM": 4, "DECIMAL": 5, "DATE": 6, "TIME": 7,
                  "TIMESTAMP": 8, "INTEGER": 10, "JSON": 12, "UUID": 14,
                  "FLOAT16": 15}
_TIME_UNIT_FIELD = {"MILLIS": 1, "MICROS": 2, "NANOS": 3}
# FieldRepetitionType enum values from parquet.thrift.
_REPETITIONS = {0: "REQUIRED", 1: "OPTIONAL", 2: "REPEATED"}


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


def read_footer(path):
    """The decoded FileMetaData struct of the Parquet file at ``path``."""
    with open(path, "rb") as f:
        return split_file(f.read())[1]


@dataclass(frozen=True)
class DataPage:
    """One data page as its header describes it."""

    page_type: str
    encoding: str
    # Levels in the page: one per value, null, null list or empty list.
    num_values: int


def data_pages(path):
    """Per top-level column name: its data pages in every row group, in file order,
    read from the page headers."""
    with open(path, "rb") as f:
        data = f.read()
    pages = {}
    for row_group in split_file(data)[1][FILE_METADATA_ROW_GROUPS][1][1]:
        for chunk in row_group[ROW_GROUP_COLUMNS][1][1]:
            meta = chunk[COLUMN_CHUNK_META_DATA][1]
            name = meta[COLUMN_META_DATA_PATH][1][1][0].decode()
            column_pages = pages.setdefault(name, [])
            dictionary_offset = meta.get(COLUMN_META_DATA_DICTIONARY_PAGE_OFFSET, (None, 0))[1]
            position = dictionary_offset or meta[COLUMN_META_DATA_DATA_PAGE_OFFSET][1]
            end = position + meta[COLUMN_META_DATA_TOTAL_COMPRESSED_SIZE][1]
            while position < end:
                header, body_start = tc.decode_struct(data, position)
                page_type = PAGE_TYPES.get(header[PAGE_HEADER_TYPE][1])
                for field, encoding_field in ((PAGE_HEADER_DATA_PAGE, 2), (PAGE_HEADER_DATA_PAGE_V2, 4)):
                    if field in header:
                        page = header[field][1]
                        column_pages.append(DataPage(page_type, ENCODINGS.get(page[encoding_field][1]),
                                                     page[DATA_PAGE_NUM_VALUES][1]))
                position = body_start + header[PAGE_HEADER_COMPRESSED_SIZE][1]
    return pages


def describe_element(element):
    """The structural fields of a schema element as plain values.

    Returns a dict with ``name``, ``repetition`` (REQUIRED/OPTIONAL/REPEATED),
    ``num_children``, ``is_group`` (no physical type), ``converted_type`` and
    ``logical_type`` (names, or the number when unknown to this module; None
    when absent).
    """
    converted_names = {number: name for name, number in CONVERTED_TYPES.items()}
    logical_names = {number: name for name, number in _LOGICAL_FIELD.items()}
    converted = element.get(SCHEMA_CONVERTED_TYPE, (None, None))[1]
    logical = element.get(SCHEMA_LOGICAL_TYPE, (None, {}))[1]
    logical_ids = list(logical)
    return {
        "name": element.get(SCHEMA_NAME, (None, b""))[1].decode("utf-8", "replace"),
        "repetition": _REPETITIONS.get(element.get(SCHEMA_REPETITION, (None, None))[1]),
        "num_children": element.get(SCHEMA_NUM_CHILDREN, (None, None))[1],
        "is_group": SCHEMA_TYPE not in element,
        "converted_type": None if converted is None else converted_names.get(converted, converted),
        "logical_type": logical_names.get(logical_ids[0], logical_ids[0]) if logical_ids else None,
    }


def first_child_chain(footer_fields, name):
    """Schema elements from top-level column ``name`` down through each first child.

    For a LIST column this is the group, its repeated ``list`` group, the
    element, and so on down to the leaf.  Raises KeyError when there is no
    top-level column ``name``.
    """
    elements = footer_fields[FILE_METADATA_SCHEMA][1][1]
    position = 1  # elements[0] is the root
    for _ in range(elements[0].get(SCHEMA_NUM_CHILDREN, (None, 0))[1]):
        if elements[position].get(SCHEMA_NAME, (None, b""))[1] == name.encode():
            chain = [elements[position]]
            while chain[-1].get(SCHEMA_NUM_CHILDREN, (None, 0))[1] and position + 1 < len(elements):
                position += 1
                chain.append(elements[position])
            return chain
        position = _after_subtree(elements, position)
    raise KeyError(f"no top-level schema element named {name!r}")


def _after_subtree(elements, position):
    """Index of the first schema element after the subtree rooted at ``position``."""
    pending = 1
    while pending:
        pending += elements[position].get(SCHEMA_NUM_CHILDREN, (None, 0))[1] - 1
        position += 1
    return position


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

    ``annotations`` maps a top-level column name to keyword arguments for
    ``set_annotation``; for a LIST column the leaf element is relabelled.
    """
    with open(path, "rb") as f:
        data = f.read()
    body, footer = split_file(data)
    for name, kwargs in annotations.items():
        set_annotation(first_child_chain(footer, name)[-1], **kwargs)
    with open(path, "wb") as f:
        f.write(join_file(body, footer))
