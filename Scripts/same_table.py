"""Check with pyarrow that two Parquet files hold equal tables (metadata ignored).

Usage: same_table.py FILE_A FILE_B

Exits 0 when ``read_table(A).equals(read_table(B))``; otherwise prints where
the tables first differ and exits 1.  bench.py runs this as a separate
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
    if len(argv) != 2:
        print("usage: same_table.py FILE_A FILE_B", file=sys.stderr)
        return 2
    table_a, table_b = pq.read_table(argv[0]), pq.read_table(argv[1])
    if table_a.equals(table_b, check_metadata=False):
        return 0
    print(first_difference(table_a, table_b))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
