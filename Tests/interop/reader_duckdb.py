"""Interop checks with DuckDB: column types and values via read_parquet."""

import base64
import math

import duckdb

from canonical import Issue, ReadResult, bytes_value, declared_unit, rescale
from spec import logical_kind, type_key

NAME = "duckdb"

# SQL type DuckDB 2.0.0 reports for each declared type, pinned by experiment.
TYPE_TABLE = {
    "BOOLEAN": "BOOLEAN",
    "INT8": "TINYINT",
    "INT16": "SMALLINT",
    "INT32": "INTEGER",                   # plain INT32 and INTEGER(32, signed)
    "INT64": "BIGINT",                    # plain INT64 and INTEGER(64, signed)
    "UINT8": "UTINYINT",
    "UINT16": "USMALLINT",
    "UINT32": "UINTEGER",
    "UINT64": "UBIGINT",
    "FLOAT": "FLOAT",
    "DOUBLE": "DOUBLE",
    "FLOAT16": "FLOAT",                   # widened exactly to float32
    "BYTE_ARRAY": "BLOB",
    "FIXED_LEN_BYTE_ARRAY": "BLOB",
    "STRING": "VARCHAR",
    "ENUM": "VARCHAR",
    "JSON": "JSON",
    "UUID": "UUID",
    "DATE": "DATE",
    "TIME_MILLIS_LOCAL": "TIME",
    "TIME_MICROS_LOCAL": "TIME",
    "TIME_NANOS_LOCAL": "TIME_NS",
    "TIME_MILLIS_UTC": "TIME WITH TIME ZONE",
    "TIME_MICROS_UTC": "TIME WITH TIME ZONE",
    "TIME_NANOS_UTC": "TIME WITH TIME ZONE",     # microsecond resolution: see limitations.py
    "TIMESTAMP_MILLIS_LOCAL": "TIMESTAMP",       # DuckDB stores microseconds
    "TIMESTAMP_MICROS_LOCAL": "TIMESTAMP",
    "TIMESTAMP_NANOS_LOCAL": "TIMESTAMP_NS",
    "TIMESTAMP_MILLIS_UTC": "TIMESTAMP WITH TIME ZONE",
    "TIMESTAMP_MICROS_UTC": "TIMESTAMP WITH TIME ZONE",
    "TIMESTAMP_NANOS_UTC": "TIMESTAMPTZ_NS",
    "DECIMAL": "DECIMAL({precision},{scale})",
    "DECIMAL_WIDE": "DOUBLE",                     # see limitations.py
}
# SQL type of one LIST level around its element's type.
LIST_TEMPLATE = "{element}[]"

# For temporal DuckDB types: SQL giving an exact integer count, and its unit.
# (Fetching Python datetime objects would truncate nanoseconds, fail outside
# years 1..9999, and needs pytz for time-zone types.)
_TEMPORAL_SQL = {
    "DATE": ("{c} - DATE '1970-01-01'", "DAYS"),
    "TIME": ("epoch_us({c})", "MICROS"),
    "TIME_NS": ("epoch_ns({c})", "NANOS"),
    "TIME WITH TIME ZONE": ("epoch_us({c})", "MICROS"),
    "TIMESTAMP": ("epoch_us({c})", "MICROS"),
    "TIMESTAMP WITH TIME ZONE": ("epoch_us({c})", "MICROS"),
    "TIMESTAMP_NS": ("epoch_ns({c})", "NANOS"),
    "TIMESTAMPTZ_NS": ("epoch_ns({c})", "NANOS"),
}


def expected_type(column):
    """Type text DuckDB should report for ``column``, or None if unpinned."""
    template = TYPE_TABLE.get(type_key(column))
    if template is None:
        return None
    lt = column.logical_type or {}
    text = template.format(precision=lt.get("precision"), scale=lt.get("scale"))
    for _ in column.list_levels:
        text = LIST_TEMPLATE.format(element=text)
    return text


def _quote_identifier(name):
    """SQL identifier quoting."""
    return '"' + name.replace('"', '""') + '"'


def _quote_literal(text):
    """SQL string literal quoting."""
    return "'" + text.replace("'", "''") + "'"


def _leaf_type(sql_type):
    """(SQL type of the leaves, list depth) of a possibly nested list type."""
    depth = 0
    while sql_type.endswith("[]"):
        sql_type, depth = sql_type[:-2], depth + 1
    return sql_type, depth


def _on_leaves(expression, depth, template):
    """SQL applying ``template`` (with ``{c}``) to each leaf of a list nested ``depth`` deep."""
    if depth == 0:
        return template.format(c=expression)
    variable = f"x{depth}"
    return f"list_transform({expression}, lambda {variable}: {_on_leaves(variable, depth - 1, template)})"


def _select_items(name, sql_type):
    """SQL select items for one column: its value, plus its text for temporals.

    For list columns the conversions apply to each leaf.
    """
    leaf_type, depth = _leaf_type(sql_type)
    if leaf_type in _TEMPORAL_SQL:
        templates = [_TEMPORAL_SQL[leaf_type][0], "{c}::VARCHAR"]
    elif leaf_type.startswith("DECIMAL") or leaf_type == "UUID":
        templates = ["{c}::VARCHAR"]
    else:
        templates = ["{c}"]
    return [_on_leaves(_quote_identifier(name), depth, template) for template in templates]


def _zip_leaves(depth, function, *values):
    """``function`` applied to the parallel leaves of same-shaped nested ``values``."""
    if depth == 0:
        return function(*values)
    if values[0] is None:
        return None
    return [_zip_leaves(depth - 1, function, *elements) for elements in zip(*values)]


def _canonical(column, sql_type, fetched):
    """Canonical values of one column from its fetched select items.

    A temporal whose count is NULL while its text is not (DuckDB's
    'infinity' values) keeps the text, so it never matches a number.
    """
    leaf_type, depth = _leaf_type(sql_type)
    if leaf_type in _TEMPORAL_SQL:
        unit = _TEMPORAL_SQL[leaf_type][1]
        convert = column.kind in ("DATE", "TIME", "TIMESTAMP")

        def temporal(count, text):
            if count is None:
                return text
            return rescale(count, unit, declared_unit(column)) if convert else count
        return [_zip_leaves(depth, temporal, count, text) for count, text in zip(*fetched)]
    (values,) = fetched
    if leaf_type == "BLOB":
        return [_zip_leaves(depth, lambda v: None if v is None else bytes_value(column, v), value)
                for value in values]
    return list(values)


def read(path, columns_by_name, skip):
    """Read ``path`` with DuckDB, leaving out the column names in ``skip``."""
    con = duckdb.connect()
    try:
        source = f"read_parquet({_quote_literal(path)})"
        described = con.sql(f"DESCRIBE SELECT * FROM {source}").fetchall()
        types = {name: sql_type for name, sql_type, *_ in described if name not in skip}
        names = list(types)
        items = {name: _select_items(name, types[name]) for name in names}
        select = ", ".join(item for name in names for item in items[name]) or "NULL"
        rows = con.sql(f"SELECT {select} FROM {source}").fetchall()
        num_rows = con.sql(f"SELECT count(*) FROM {source}").fetchall()[0][0]
    finally:
        con.close()
    by_position = list(zip(*rows)) if rows else [()] * sum(len(i) for i in items.values())
    values, position = {}, 0
    for name in names:
        width = len(items[name])
        fetched = by_position[position:position + width]
        position += width
        if name in columns_by_name:
            values[name] = _canonical(columns_by_name[name], types[name], fetched)
    return ReadResult(num_rows, names, types, values)


def extra_checks(path, spec):
    """DuckDB's parquet_bloom_probe() for files with Bloom filters, and for files
    with a page index, parquet_metadata() reading the footer."""
    issues = bloom_filter_issues(path, spec) if spec.bloom_filters else []
    if not spec.page_index:
        return issues
    rows = duckdb.sql(
        f"SELECT row_group_id, row_group_num_rows, count(*) FROM parquet_metadata({_quote_literal(path)}) "
        "GROUP BY ALL ORDER BY row_group_id").fetchall()
    total = sum(row[1] for row in rows)
    if total != spec.num_rows:
        issues.append(Issue(None, None, "parquet_metadata() rows", spec.num_rows, total))
    chunk_counts = {row[2] for row in rows}
    leaves = len(spec.columns)
    # A file without rows may have no row group, hence no chunk to count.
    if rows and chunk_counts != {leaves}:
        issues.append(Issue(None, None, "parquet_metadata() chunks per row group", leaves, sorted(chunk_counts)))
    return issues


def _probe_literal(column, value):
    """``value`` of ``column`` as a SQL literal of the column's DuckDB type."""
    if isinstance(value, bool):
        raise ValueError(f"column {column.name}: BOOLEAN columns have no Bloom filter")
    if isinstance(value, (int, float)):
        return f"{value!r}::{'DOUBLE' if isinstance(value, float) else 'BIGINT'}"
    if logical_kind(column.logical_type) in ("STRING", "JSON", "ENUM"):
        return _quote_literal(value)
    if column.physical_type in ("BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY") and column.logical_type is None:
        return "'" + "".join(f"\\x{b:02X}" for b in base64.b64decode(value)) + "'::BLOB"
    raise ValueError(f"column {column.name}: no Bloom probe literal for {value!r}")


def _probe(con, path, column, values):
    """For each value, the set of row groups whose Bloom filter may hold it."""
    found = [set() for _ in values]
    batch = 400  # a UNION ALL of probes is cheaper than one query each
    for start in range(0, len(values), batch):
        query = " UNION ALL ".join(
            f"SELECT {start + i} AS k, row_group_id, bloom_filter_excludes FROM parquet_bloom_probe("
            f"{_quote_literal(path)}, {_quote_literal(column.name)}, {_probe_literal(column, value)})"
            for i, value in enumerate(values[start:start + batch]))
        for index, row_group, excludes in con.sql(query).fetchall():
            if not excludes:
                found[index].add(row_group)
    return found


def bloom_filter_issues(path, spec):
    """Every written value probes present in its row group; absent values probe
    present at a rate within the configured false-positive probability (with a
    four-sigma margin for the sample size)."""
    bloom = spec.bloom_filters
    by_name = {c.name: c for c in spec.columns}
    row_groups = -(-spec.num_rows // bloom.row_group_rows)
    issues = []
    con = duckdb.connect()
    try:
        for name, absent in bloom.absent.items():
            column = by_name[name]
            rows = [(row, v) for row, v in enumerate(column.values) if v is not None]
            found = _probe(con, path, column, [v for _, v in rows])
            for (row, _), groups in zip(rows, found):
                if row // bloom.row_group_rows not in groups:
                    issues.append(Issue(name, row, "parquet_bloom_probe of a written value", "may contain", "excluded"))
                    break
            hits = sum(len(groups) for groups in _probe(con, path, column, absent))
            probes = len(absent) * row_groups
            p = bloom.false_positive_probability
            bound = p + 4 * math.sqrt(p * (1 - p) / probes)
            if hits / probes > bound:
                issues.append(Issue(name, None, "parquet_bloom_probe false-positive rate",
                                    f"<= {bound:.4f}", f"{hits}/{probes}"))
    finally:
        con.close()
    return issues
