"""Check Parquet files against their expectation JSON with four readers.

Usage: check_interop.py DIR

For every NAME.parquet / NAME.json pair in DIR, each reader (pyarrow, DuckDB,
polars, fastparquet) must report the declared row count, column names and
order, the pinned type for each declared type, and exactly the declared
values (LIST columns element by element).  pyarrow also checks the footer:
row groups, schema elements (the groups of LIST columns included) and
per-row-group statistics.  Known reader limitations (limitations.py) are
applied explicitly and listed.

Prints one line per failure, then ``N passed, M failed`` counting
file x reader checks.  Exits non-zero on any failure or when DIR holds no
files.
"""

import dataclasses
import os
import sys
from collections import defaultdict

import reader_duckdb
import reader_fastparquet
import reader_polars
import reader_pyarrow
from canonical import Issue
from parquet_footer import data_pages
from limitations import expected_as_read, limitations_for
from spec import SpecError, level_slots, load_spec, same_value, show, type_key

READERS = [reader_pyarrow, reader_duckdb, reader_polars, reader_fastparquet]
# Value failures printed per file, reader and column before summarising the rest.
MAX_VALUE_LINES_PER_COLUMN = 20


def find_pairs(directory):
    """Sorted base names of the .parquet and .json files in ``directory``."""
    names = set()
    for entry in os.listdir(directory):
        base, ext = os.path.splitext(entry)
        if ext in (".parquet", ".json"):
            names.add(base)
    return sorted(names)


def cell_issues(column, row, expected, actual, limitations, path=()):
    """Issues comparing one declared value with the reader's canonical value.

    For a LIST column the value is walked level by level: a null list, a
    non-list or a different length is reported once at its position; leaves
    are compared one by one.  ``path`` holds the element indexes walked so
    far and is shown after "value", e.g. ``value [3][0]``.
    """
    where = "value" + (" " + "".join(f"[{index}]" for index in path) if path else "")
    if len(path) == len(column.list_levels):
        wanted = expected_as_read(column, expected, limitations)
        if same_value(wanted, actual):
            return []
        what = where if wanted is expected else \
            f"{where} (declared {show(expected)}, adapted for a known limitation)"
        return [Issue(column.name, row, what, wanted, actual)]
    if expected is None or actual is None:
        return [] if expected is actual else [Issue(column.name, row, where, expected, actual)]
    if not isinstance(actual, list) or len(actual) != len(expected):
        return [Issue(column.name, row, where, expected, actual)]
    issues = []
    for index, (wanted, got) in enumerate(zip(expected, actual)):
        issues += cell_issues(column, row, wanted, got, limitations, path + (index,))
    return issues


def value_issues(column, actual_values, limitations):
    """Issues comparing every expected value with the reader's canonical values."""
    if len(actual_values) != len(column.values):
        return [Issue(column.name, None, "number of values", len(column.values), len(actual_values))]
    issues = []
    for row, (expected, actual) in enumerate(zip(column.values, actual_values)):
        issues += cell_issues(column, row, expected, actual, limitations)
    return issues


def column_issues(reader, column, result, limitations):
    """Type and value issues for one declared column the reader returned."""
    issues = []
    wanted_type = reader.expected_type(column)
    actual_type = result.types[column.name]
    if wanted_type is None:
        issues.append(Issue(column.name, None, "type",
                            f"a pinned mapping for {type_key(column)}", actual_type))
    elif wanted_type != actual_type:
        issues.append(Issue(column.name, None, "type", wanted_type, actual_type))
    return issues + value_issues(column, result.values[column.name], limitations)


def check_with_reader(reader, path, spec, applied):
    """All issues one reader finds in one file; records applied limitations."""
    limits = {c.name: limitations_for(reader.NAME, c) for c in spec.columns}
    for column in spec.columns:
        for limitation in limits[column.name]:
            applied[limitation].add((os.path.basename(path), column.name))
    skip = {name for name, found in limits.items() if any(lim.unreadable for lim in found)}
    try:
        result = reader.read(path, {c.name: c for c in spec.columns}, skip)
    except Exception as error:  # any reader error is a check failure, not a crash
        return [Issue(None, None, "read", "file readable", f"{type(error).__name__}: {error}")]
    issues = []
    if result.num_rows != spec.num_rows:
        issues.append(Issue(None, None, "row count", spec.num_rows, result.num_rows))
    declared = [c.name for c in spec.columns if c.name not in skip]
    if result.names != declared:
        issues.append(Issue(None, None, "column names/order", declared, result.names))
    for column in spec.columns:
        if column.name in result.values:
            issues += column_issues(reader, column, result, limits[column.name])
    if hasattr(reader, "extra_checks"):
        try:
            issues += reader.extra_checks(path, spec)
        except Exception as error:  # a footer that cannot be inspected is a failure
            issues.append(Issue(None, None, "footer", "inspectable", f"{type(error).__name__}: {error}"))
    return issues


def format_issue(file_name, reader_name, issue):
    """One failure line naming file, reader, column, row, expected and actual."""
    column = issue.column if issue.column is not None else "-"
    row = issue.row if issue.row is not None else "-"
    return (f"FAIL {file_name} reader={reader_name} column={column} row={row} "
            f"{issue.what}: expected {show(issue.expected)}, actual {show(issue.actual)}")


def print_issues(file_name, reader_name, issues):
    """Print failure lines, summarising value failures beyond the per-column limit."""
    value_counts = defaultdict(int)
    for issue in issues:
        if issue.what.startswith("value"):
            value_counts[issue.column] += 1
            if value_counts[issue.column] > MAX_VALUE_LINES_PER_COLUMN:
                continue
        print(format_issue(file_name, reader_name, issue))
    for column, count in value_counts.items():
        if count > MAX_VALUE_LINES_PER_COLUMN:
            print(f"FAIL {file_name} reader={reader_name} column={column} row=... "
                  f"{count - MAX_VALUE_LINES_PER_COLUMN} more value failures not shown")


def with_data_page_kinds(spec, path):
    """``spec`` with each column's data page encodings and page types, and the encodings
    of its pages without any value, from the file's page headers, which some reader
    limitations depend on."""
    if not os.path.exists(path):
        return spec
    pages = data_pages(path)
    columns = []
    for column in spec.columns:
        column_pages = pages.get(column.name, [])
        slots = [slot for value in column.values for slot in level_slots(value, len(column.list_levels))]
        valueless, start = set(), 0
        for page in column_pages:
            if all(slot is None for slot in slots[start:start + page.num_values]):
                valueless.add(page.encoding)
            start += page.num_values
        columns.append(dataclasses.replace(
            column, data_encodings=frozenset(page.encoding for page in column_pages),
            data_page_types=frozenset(page.page_type for page in column_pages),
            valueless_page_encodings=frozenset(valueless)))
    return dataclasses.replace(spec, columns=columns)


def check_file(directory, base, applied):
    """Check one NAME.parquet with every reader; return (passed, failed) counts."""
    path = os.path.join(directory, base + ".parquet")
    file_name = base + ".parquet"
    try:
        spec = with_data_page_kinds(load_spec(os.path.join(directory, base + ".json")), path)
        spec_error = None
    except (OSError, ValueError, KeyError, TypeError, SpecError) as error:
        spec, spec_error = None, f"{type(error).__name__}: {error}"
    passed = failed = 0
    for reader in READERS:
        if spec_error is not None:
            issues = [Issue(None, None, "expectation JSON", "loadable", spec_error)]
        elif not os.path.exists(path):
            issues = [Issue(None, None, "parquet file", "present", "missing")]
        else:
            issues = check_with_reader(reader, path, spec, applied)
        print_issues(file_name, reader.NAME, issues)
        if issues:
            failed += 1
        else:
            passed += 1
    return passed, failed


def print_applied_limitations(applied):
    """List each known limitation that was applied, with where."""
    for limitation, places in applied.items():
        files = sorted({f for f, _ in places})
        where = ", ".join(files) if len(files) <= 3 else f"{len(files)} files"
        print(f"NOTE known limitation, {limitation.reader}: {limitation.reason} "
              f"[{len(places)} column(s) in {where}]")


def main(argv):
    """Check every file pair in ``argv[1]``; return the process exit status."""
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        print("usage: check_interop.py DIR", file=sys.stderr)
        return 2
    bases = find_pairs(argv[1])
    if not bases:
        print(f"FAIL no .parquet/.json files in {argv[1]}")
    applied = defaultdict(set)
    passed = failed = 0
    for base in bases:
        file_passed, file_failed = check_file(argv[1], base, applied)
        passed += file_passed
        failed += file_failed
    print_applied_limitations(applied)
    print(f"{passed} passed, {failed} failed")
    return 0 if bases and failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
