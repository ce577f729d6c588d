"""Check with pyarrow that two Parquet files hold equal tables (metadata ignored).

Usage: same_table.py [--cast] FILE_A FILE_B

Exits 0 when ``read_table(A).equals(read_table(B))``; otherwise prints where
the tables first differ and exits 1.  With ``--cast``, B is first cast to A's
schema, for writers that choose other Arrow types for the same values (polars
writes strings as ``large_string``).  bench.py runs this as a separate
process so that its own memory stays small (see bench.py on peak RSS).
"""

import sys

import pyarrow.parquet as pq


def first_difference(table_a, table_b):
    """Text naming where two unequal tables first differ."""
    if not table_a.schema.equals(table_b.schema, check_metadata=False):
        return f"schemas differ:\n{table_a.schema}\n--- versus ---\n{table_b.schema}"
    if table_a.num_rows != table_b.num_rows:
        return f"row counts differ: {table_a.num_rows} versus {table_b.num_rows}"
    for name in table_a.column_names:
        if not table_a[name].equals(table_b[name]):
            return f"column {name!r} differs"
    return "tables differ"


def main(argv):
    """Compare the two files named in ``argv``; return the exit status."""
    cast = argv[:1] == ["--cast"]
    paths = argv[1:] if cast else argv
    if len(paths) != 2:
        print("usage: same_table.py [--cast] FILE_A FILE_B", file=sys.stderr)
        return 2
    table_a, table_b = pq.read_table(paths[0]), pq.read_table(paths[1])
    if cast and table_a.num_columns == table_b.num_columns and table_a.column_names == table_b.column_names:
        table_b = table_b.cast(table_a.schema)
    if table_a.equals(table_b, check_metadata=False):
        return 0
    print(first_difference(table_a, table_b))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
