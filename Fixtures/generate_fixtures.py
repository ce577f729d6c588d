"""Write the pyarrow reference fixtures into Fixtures/pyarrow/.

Usage (from the repository root, with the project virtual environment):

    /work/main/.venv/bin/python Fixtures/generate_fixtures.py

All data is computed from the row index, so the output is deterministic.
"""

import os
import sys
import uuid
from decimal import Decimal

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

OUTPUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pyarrow")
FOOTER_ROWS = 3000
FOOTER_ROW_GROUP_SIZE = 1000
MAX_FIXTURE_BYTES = 100_000


def with_nulls(values, every, offset=0):
    """``values`` as a list with None at every ``every``-th row starting at ``offset``."""
    return [None if (r - offset) % every == 0 else v for r, v in enumerate(values)]


def footer_table():
    """The ~3,000-row table shared by the two footer round-trip fixtures.

    Values repeat with short periods so dictionary encoding keeps the files
    small.
    """
    rows = range(FOOTER_ROWS)
    return pa.table({
        "id": pa.array(list(rows), pa.int32()),
        "big": pa.array(with_nulls([(r % 100) * 1_000_003_000 - 2**40 for r in rows], 37), pa.int64()),
        "value": pa.array(with_nulls([(r % 80) * 0.25 - 10.0 for r in rows], 17), pa.float64()),
        "name": pa.array(with_nulls([f"name-{r % 250:03d}" for r in rows], 13), pa.string()),
        "flag": pa.array(with_nulls([r % 3 == 0 for r in rows], 11), pa.bool_()),
        "day": pa.array(with_nulls([18_000 + r % 90 for r in rows], 19), pa.int32()).cast(pa.date32()),
        "stamp": pa.array(with_nulls([1_700_000_000_000_000 + (r % 120) * 1_000_003 for r in rows], 23),
                          pa.int64()).cast(pa.timestamp("us", "UTC")),
        "amount": pa.array(with_nulls([Decimal((r % 150) * 137 - 5_000).scaleb(-2) for r in rows], 29),
                           pa.decimal128(12, 2)),
    })


def schema_type_columns():
    """(name, arrow type, five values) for every column of the schema-types fixtures.

    The fifth value is used only by the REQUIRED file; the nullable file has
    null there.
    """
    u = [uuid.UUID(int=0), uuid.UUID("123e4567-e89b-12d3-a456-426614174000"),
         uuid.UUID(int=2**128 - 1), uuid.UUID("00112233-4455-6677-8899-aabbccddeeff"),
         uuid.UUID(int=1)]
    dec = Decimal
    return [
        ("b", pa.bool_(), [True, False, True, False, True]),
        ("i8", pa.int8(), [-128, 127, 0, -1, 1]),
        ("i16", pa.int16(), [-32768, 32767, 0, -1, 1]),
        ("i32", pa.int32(), [-2**31, 2**31 - 1, 0, -1, 1]),
        ("i64", pa.int64(), [-2**63, 2**63 - 1, 0, -1, 1]),
        ("u8", pa.uint8(), [0, 255, 1, 128, 2]),
        ("u16", pa.uint16(), [0, 65535, 1, 32768, 2]),
        ("u32", pa.uint32(), [0, 2**32 - 1, 1, 2**31, 2]),
        ("u64", pa.uint64(), [0, 2**64 - 1, 1, 2**63, 2]),
        ("f32", pa.float32(), [-0.0, 1.5, float("nan"), float("-inf"), 3.4028234663852886e+38]),
        ("f64", pa.float64(), [-0.0, 0.1, float("nan"), float("inf"), 5e-324]),
        ("f16", pa.float16(), np.array([-0.0, 1.5, np.nan, 65504.0, 6.103515625e-05], np.float16)),
        ("s", pa.string(), ["", "a", "héllo", "日本語", "z"]),
        ("bin", pa.binary(), [b"", b"\x00", b"\xff\xfe", b"abc", b"z"]),
        ("fixed", pa.binary(4), [b"\x00\x00\x00\x00", b"abcd", b"\xff\xff\xff\xff", b"ab\x00\x00", b"zzzz"]),
        ("d", pa.date32(), [0, -1, 19_000, -719_162, 2_932_896]),
        ("t_ms", pa.time32("ms"), [0, 1, 43_200_000, 86_399_999, 12_345]),
        ("t_us", pa.time64("us"), [0, 1, 43_200_000_000, 86_399_999_999, 12_345]),
        ("t_ns", pa.time64("ns"), [0, 1, 43_200_000_000_000, 86_399_999_999_999, 12_345]),
        ("ts_ms", pa.timestamp("ms"), [0, -1, 1_700_000_000_123, -62_135_596_800_000, 1]),
        ("ts_us_utc", pa.timestamp("us", "UTC"), [0, -1, 1_700_000_000_123_456, 253_402_300_799_999_999, 1]),
        ("ts_ns", pa.timestamp("ns"), [0, -1, 1_700_000_000_123_456_789, -(2**62), 1]),
        ("dec9", pa.decimal128(9, 2), [dec("0.00"), dec("-9999999.99"), dec("9999999.99"), dec("1.23"), dec("-0.01")]),
        ("dec18", pa.decimal128(18, 4), [dec("0.0000"), dec("-99999999999999.9999"),
                                          dec("99999999999999.9999"), dec("3.1416"), dec("-0.0001")]),
        ("dec30", pa.decimal128(30, 5), [dec("0.00000"), dec("-" + "9" * 25 + ".99999"),
                                          dec("9" * 25 + ".99999"), dec("128.00000"), dec("-0.00001")]),
        ("uuid", pa.uuid(), u),
        ("json", pa.json_(), ['{"a":1}', "[]", '"text"', "null", '{"nested":{"k":[1,2]}}']),
    ]


def build_array(arrow_type, values):
    """A pyarrow array of ``arrow_type`` from Python values (None for null)."""
    if isinstance(arrow_type, pa.UuidType):
        storage = pa.array([None if v is None else v.bytes for v in values], pa.binary(16))
        return pa.ExtensionArray.from_storage(arrow_type, storage)
    if isinstance(arrow_type, pa.JsonType):
        return pa.ExtensionArray.from_storage(arrow_type, pa.array(values, pa.string()))
    if pa.types.is_float16(arrow_type):
        mask = np.array([v is None for v in values])
        halves = np.array([0.0 if v is None else v for v in values], np.float16)
        return pa.array(halves, pa.float16(), mask=mask)
    if pa.types.is_date(arrow_type) or pa.types.is_time(arrow_type) or pa.types.is_timestamp(arrow_type):
        storage = pa.int32() if arrow_type.bit_width == 32 else pa.int64()
        return pa.array(values, storage).cast(arrow_type)
    return pa.array(values, arrow_type)


def schema_types_table(nullable):
    """The 5-row schema-types table; nullable columns have null in the last row."""
    arrays, fields = [], []
    for name, arrow_type, values in schema_type_columns():
        values = list(values)
        if nullable:
            values[-1] = None
        arrays.append(build_array(arrow_type, values))
        fields.append(pa.field(name, arrow_type, nullable=nullable))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def write_fixture(table, name, **options):
    """Write one fixture and check its size limit."""
    path = os.path.join(OUTPUT_DIR, name)
    pq.write_table(table, path, **options)
    size = os.path.getsize(path)
    if size >= MAX_FIXTURE_BYTES:
        raise RuntimeError(f"{name} is {size} bytes, over the {MAX_FIXTURE_BYTES}-byte limit")
    print(f"wrote {name} ({size} bytes)")


def main():
    """Write every fixture."""
    os.makedirs(OUTPUT_DIR, exist_ok=True)
    table = footer_table()
    write_fixture(table, "footer_roundtrip.parquet", row_group_size=FOOTER_ROW_GROUP_SIZE)
    write_fixture(table, "footer_roundtrip_pageindex.parquet", row_group_size=FOOTER_ROW_GROUP_SIZE,
                  write_page_index=True)
    for nullable, name in ((True, "schema_types.parquet"), (False, "schema_types_required.parquet")):
        write_fixture(schema_types_table(nullable), name, store_schema=False,
                      store_decimal_as_integer=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
