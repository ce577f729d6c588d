"""Self-test of the interop checker (plain script; pytest is not installed).

Usage: selftest.py

Writes the pyarrow sample files, checks that check_interop.py passes them,
then corrupts expectation JSON files in many specific ways and checks that
each corruption is reported with the right file, reader, column and row, and
that the summary line and exit status are right.  Also unit-checks the value
helpers and the Thrift footer codec.  Exits non-zero if anything fails.
"""

import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq

import canonical
import check_interop
import limitations
import parquet_footer
import reader_pyarrow
from spec import ColumnSpec, FileSpec, SpecError, level_slots, parse_column, same_value

HERE = os.path.dirname(os.path.abspath(__file__))
READERS = ("pyarrow", "duckdb", "polars", "fastparquet")


def run_checker(directory):
    """Run check_interop.py on ``directory``; return (exit status, output lines)."""
    completed = subprocess.run([sys.executable, os.path.join(HERE, "check_interop.py"), directory],
                               capture_output=True, text=True, check=False)
    return completed.returncode, completed.stdout.splitlines()


def fail_lines(lines, file_name, reader, column="-", row="-", what=""):
    """Failure lines for the given file, reader and column.

    With ``row`` None any row matches and ``what`` is ignored; otherwise the
    line must continue with that row and start of the description.
    """
    prefix = f"FAIL {file_name} reader={reader} column={column} "
    if row is not None:
        prefix += f"row={row} {what}"
    return [line for line in lines if line.startswith(prefix)]


class Samples:
    """The sample files, written once into a temporary directory."""

    def __init__(self, root):
        self.directory = os.path.join(root, "samples")
        subprocess.run([sys.executable, os.path.join(HERE, "make_sample_files.py"), self.directory],
                       check=True, capture_output=True)
        self.root = root
        self.count = 0

    def mutated(self, base, change):
        """Directory holding a copy of ``base`` whose JSON was passed through ``change``."""
        self.count += 1
        target = os.path.join(self.root, f"case{self.count}")
        os.makedirs(target)
        shutil.copy(os.path.join(self.directory, base + ".parquet"), target)
        with open(os.path.join(self.directory, base + ".json"), encoding="utf-8") as f:
            spec = json.load(f)
        change(spec)
        with open(os.path.join(target, base + ".json"), "w", encoding="utf-8") as f:
            json.dump(spec, f)
        return target

    def with_footer(self, base, change):
        """Directory holding ``base`` whose Parquet footer was passed through ``change``."""
        self.count += 1
        target = os.path.join(self.root, f"case{self.count}")
        os.makedirs(target)
        shutil.copy(os.path.join(self.directory, base + ".json"), target)
        with open(os.path.join(self.directory, base + ".parquet"), "rb") as f:
            body, footer = parquet_footer.split_file(f.read())
        change(footer)
        with open(os.path.join(target, base + ".parquet"), "wb") as f:
            f.write(parquet_footer.join_file(body, footer))
        return target


def column(spec, name):
    """The JSON column object called ``name``."""
    return next(c for c in spec["columns"] if c["name"] == name)


def set_value(name, row, value):
    """A JSON change that sets one value."""
    def change(spec):
        column(spec, name)["values"][row] = value
    return change


def expect_single_file_failure(lines, status, checks):
    """Assert exit status 1 and the summary for one file failing with ``checks`` readers."""
    assert status == 1, f"exit status {status}"
    failed = len(checks)
    assert lines[-1] == f"{len(READERS) - failed} passed, {failed} failed", lines[-1]


def test_samples_pass(samples):
    """The unmodified samples pass with every reader."""
    status, lines = run_checker(samples.directory)
    assert status == 0, "\n".join(lines)
    assert lines[-1] == "24 passed, 0 failed", lines[-1]
    assert not any(line.startswith("FAIL") for line in lines)


def test_empty_directory(samples):
    """A directory without files fails."""
    empty = os.path.join(samples.root, "empty_dir")
    os.makedirs(empty)
    status, lines = run_checker(empty)
    assert status == 1 and lines[-1] == "0 passed, 0 failed", (status, lines)


def test_wrong_integer_value(samples):
    """A wrong value is reported by every reader with column and row."""
    status, lines = run_checker(samples.mutated("all_types", set_value("int16_opt", 3, 12345)))
    for reader in READERS:
        found = fail_lines(lines, "all_types.parquet", reader, "int16_opt", 3, "value")
        assert found and "expected 12345, actual 1" in found[0], (reader, lines)
    expect_single_file_failure(lines, status, READERS)


def test_negative_zero_is_not_zero(samples):
    """-0.0 and +0.0 differ; every reader keeps the sign of zero."""
    status, lines = run_checker(samples.mutated("all_types", set_value("float_req", 0, 0.0)))
    for reader in READERS:
        assert fail_lines(lines, "all_types.parquet", reader, "float_req", 0, "value"), (reader, lines)
    expect_single_file_failure(lines, status, READERS)


def test_nan_is_not_a_number(samples):
    """An expected number where NaN was written fails."""
    status, lines = run_checker(samples.mutated("all_types", set_value("double_req", 2, 1.0)))
    for reader in READERS:
        assert fail_lines(lines, "all_types.parquet", reader, "double_req", 2, "value"), reader
    expect_single_file_failure(lines, status, READERS)


def test_null_is_not_a_string(samples):
    """An expected string where null was written fails."""
    status, lines = run_checker(samples.mutated("all_types", set_value("string_opt", 2, "x")))
    for reader in READERS:
        assert fail_lines(lines, "all_types.parquet", reader, "string_opt", 2, "value"), reader
    expect_single_file_failure(lines, status, READERS)


def test_wrong_decimal_digit(samples):
    """A decimal off in its last digit fails, even through fastparquet's float."""
    status, lines = run_checker(samples.mutated("all_types", set_value("dec_flba_req", 5, "1.00001")))
    for reader in READERS:
        assert fail_lines(lines, "all_types.parquet", reader, "dec_flba_req", 5, "value"), reader
    expect_single_file_failure(lines, status, READERS)


def test_nanosecond_difference(samples):
    """A timestamp off by one nanosecond fails with every reader."""
    status, lines = run_checker(samples.mutated(
        "all_types", set_value("ts_ns_local_req", 5, 1_700_000_000_123_456_788)))
    for reader in READERS:
        assert fail_lines(lines, "all_types.parquet", reader, "ts_ns_local_req", 5, "value"), reader
    expect_single_file_failure(lines, status, READERS)


def test_wrong_uuid_and_binary(samples):
    """UUID text and base64 binary are compared exactly (including trailing zero bytes)."""
    def change(spec):
        column(spec, "uuid_req")["values"][0] = "00000000-0000-0000-0000-000000000001"
        column(spec, "fixed4_req")["values"][3] = "YWIA"  # b"ab\\x00" instead of b"ab\\x00\\x00"
    status, lines = run_checker(samples.mutated("all_types", change))
    for reader in READERS:
        assert fail_lines(lines, "all_types.parquet", reader, "uuid_req", 0, "value"), reader
        assert fail_lines(lines, "all_types.parquet", reader, "fixed4_req", 3, "value"), reader
    expect_single_file_failure(lines, status, READERS)


def test_wrong_declared_type(samples):
    """Declaring INTEGER(32) for an INTEGER(16) column fails the type checks and the footer."""
    def change(spec):
        column(spec, "int16_req")["logical_type"] = {"type": "INTEGER", "bit_width": 32, "is_signed": True}
    status, lines = run_checker(samples.mutated("all_types", change))
    wanted = {"pyarrow": "'int32 not null'", "duckdb": "'INTEGER'", "polars": "'Int32'",
              "fastparquet": "'int32'"}
    for reader, text in wanted.items():
        found = fail_lines(lines, "all_types.parquet", reader, "int16_req", "-", "type")
        assert found and f"expected {text}" in found[0], (reader, lines)
    assert fail_lines(lines, "all_types.parquet", "pyarrow", "int16_req", "-", "footer logical_type")
    expect_single_file_failure(lines, status, READERS)


def test_row_count(samples):
    """A wrong row count fails with every reader."""
    def change(spec):
        spec["num_rows"] = 11
        for col in spec["columns"]:
            col["values"].pop()
            col.pop("statistics", None)
    status, lines = run_checker(samples.mutated("all_types", change))
    for reader in READERS:
        found = fail_lines(lines, "all_types.parquet", reader, what="row count")
        assert found and "expected 11, actual 12" in found[0], reader
    expect_single_file_failure(lines, status, READERS)


def test_column_order(samples):
    """Swapped column declarations fail the names/order check."""
    def change(spec):
        spec["columns"][0], spec["columns"][1] = spec["columns"][1], spec["columns"][0]
    status, lines = run_checker(samples.mutated("all_types", change))
    for reader in READERS:
        assert fail_lines(lines, "all_types.parquet", reader, what="column names/order"), reader
    expect_single_file_failure(lines, status, READERS)


def test_row_group_count(samples):
    """A wrong row-group count is a pyarrow failure only."""
    def change(spec):
        spec["row_groups"] = 2
    status, lines = run_checker(samples.mutated("row_groups", change))
    found = fail_lines(lines, "row_groups.parquet", "pyarrow", what="number of row groups")
    assert found and "expected 2, actual 3" in found[0], lines
    expect_single_file_failure(lines, status, ["pyarrow"])


def test_statistics(samples):
    """Statistics: sign of a zero minimum, null count and has_min_max are all checked."""
    def change(spec):
        zeros = column(spec, "zeros_and_nan_req")["statistics"]
        zeros[1]["min"] = 0.0
        column(spec, "label_opt")["statistics"][0]["null_count"] += 1
        column(spec, "small_float_req")["statistics"][2]["min"] = 1.0
    status, lines = run_checker(samples.mutated("row_groups", change))
    assert fail_lines(lines, "row_groups.parquet", "pyarrow", "zeros_and_nan_req", "-",
                      "row group 1 statistics min: expected 0.0, actual -0.0"), lines
    assert fail_lines(lines, "row_groups.parquet", "pyarrow", "label_opt", "-",
                      "row group 0 statistics null_count"), lines
    assert fail_lines(lines, "row_groups.parquet", "pyarrow", "small_float_req", "-",
                      "row group 2 statistics has_min_max: expected True, actual False"), lines
    expect_single_file_failure(lines, status, ["pyarrow"])


def test_many_value_failures_are_summarised(samples):
    """Beyond 20 value failures per column, the rest are counted on one line."""
    def change(spec):
        values = column(spec, "count_req")["values"]
        values[:] = [v + 1 for v in values]
        column(spec, "count_req").pop("statistics")
    status, lines = run_checker(samples.mutated("row_groups", change))
    for reader in READERS:
        assert len(fail_lines(lines, "row_groups.parquet", reader, "count_req", None)) == 21, reader
        assert any(line.startswith(f"FAIL row_groups.parquet reader={reader} column=count_req row=... "
                                   f"{2500 - 20} more") for line in lines), reader
    expect_single_file_failure(lines, status, READERS)


def test_broken_json_and_missing_parquet(samples):
    """Unreadable JSON and a JSON without its Parquet file both fail every reader."""
    target = os.path.join(samples.root, "broken")
    os.makedirs(target)
    with open(os.path.join(target, "bad.json"), "w", encoding="utf-8") as f:
        f.write("{not json")
    shutil.copy(os.path.join(samples.directory, "empty.json"), os.path.join(target, "orphan.json"))
    status, lines = run_checker(target)
    for reader in READERS:
        assert fail_lines(lines, "bad.parquet", reader, what="expectation JSON"), reader
        assert fail_lines(lines, "orphan.parquet", reader, what="parquet file"), reader
    assert status == 1 and lines[-1] == "0 passed, 8 failed", lines[-1]


def test_wrong_list_elements(samples):
    """A wrong element is reported with its position, in lists and in lists of lists."""
    def change(spec):
        column(spec, "l_int16")["values"][6][1] = 5
        column(spec, "ll_int64")["values"][6][0][2] = 7
    status, lines = run_checker(samples.mutated("lists", change))
    for reader in READERS:
        assert fail_lines(lines, "lists.parquet", reader, "l_int16", 6,
                          "value [1]: expected 5, actual -32767"), (reader, lines)
    for reader in ("pyarrow", "duckdb", "polars"):  # fastparquet cannot read lists of lists
        assert fail_lines(lines, "lists.parquet", reader, "ll_int64", 6,
                          "value [0][2]: expected 7, actual 9223372036854775806"), (reader, lines)
    assert any(line.startswith("NOTE known limitation, fastparquet: LIST of LIST") for line in lines)
    expect_single_file_failure(lines, status, READERS)


def test_null_empty_and_short_lists_differ(samples):
    """A null list, an empty list, a list of one null and a shorter list all differ."""
    def change(spec):
        values = column(spec, "l_string")["values"]
        values[0], values[3], values[9] = None, [None], []  # were [], None, [None]
        values[7].pop()
    status, lines = run_checker(samples.mutated("lists", change))
    for reader in READERS:
        for row in (0, 3, 9):
            assert fail_lines(lines, "lists.parquet", reader, "l_string", row, "value: expected"), \
                (reader, row, lines)
        found = fail_lines(lines, "lists.parquet", reader, "l_string", 7, "value: expected")
        assert found and "' padded ']" in found[0], (reader, lines)
    expect_single_file_failure(lines, status, READERS)


def test_list_repetitions(samples):
    """Wrong element or list repetitions fail pyarrow's type and footer schema checks."""
    def change(spec):
        column(spec, "l_req_int16")["list_levels"] = ["OPTIONAL"]
        column(spec, "req_l_string")["repetition"] = "OPTIONAL"
    status, lines = run_checker(samples.mutated("lists", change))
    expected = [("l_req_int16", "type: expected 'list<element: int16>', "
                                "actual 'list<element: int16 not null>'"),
                ("l_req_int16", "footer schema element l_req_int16.list.element repetition: "
                                "expected 'OPTIONAL', actual 'REQUIRED'"),
                ("req_l_string", "type: expected 'list<element: string>', "
                                 "actual 'list<element: string> not null'"),
                ("req_l_string", "footer schema element req_l_string repetition: "
                                 "expected 'OPTIONAL', actual 'REQUIRED'")]
    for name, what in expected:
        assert fail_lines(lines, "lists.parquet", "pyarrow", name, "-", what), (name, what, lines)
    expect_single_file_failure(lines, status, ["pyarrow"])


def test_list_statistics(samples):
    """List statistics are checked on the leaf column, null count and bounds alike."""
    def change(spec):
        column(spec, "ll_int64")["statistics"][1]["null_count"] += 1
        column(spec, "l_req_int16")["statistics"][2]["min"] = -32768
    status, lines = run_checker(samples.mutated("lists", change))
    assert fail_lines(lines, "lists.parquet", "pyarrow", "ll_int64", "-",
                      "row group 1 statistics null_count: expected 15, actual 14"), lines
    assert fail_lines(lines, "lists.parquet", "pyarrow", "l_req_int16", "-",
                      "row group 2 statistics min: expected -32768, actual -32767"), lines
    expect_single_file_failure(lines, status, ["pyarrow"])


def test_list_group_annotation(samples):
    """A LIST group missing its ConvertedType fails pyarrow's footer schema check."""
    def change(footer):
        group = parquet_footer.first_child_chain(footer, "l_int16")[0]
        del group[parquet_footer.SCHEMA_CONVERTED_TYPE]
    status, lines = run_checker(samples.with_footer("lists", change))
    assert fail_lines(lines, "lists.parquet", "pyarrow", "l_int16", "-",
                      "footer schema element l_int16 converted_type: expected 'LIST', actual None"), lines
    assert status == 1


def test_list_declarations(_samples):
    """Malformed LIST declarations are expectation JSON errors."""
    base = {"name": "l", "physical_type": "INT32", "type_length": None, "repetition": "OPTIONAL",
            "logical_type": None, "list_levels": ["REQUIRED"]}
    bad = [{"values": [[1, None]]},                              # null REQUIRED element
           {"values": [None], "repetition": "REQUIRED"},         # null REQUIRED list
           {"values": [1]},                                      # not a list
           {"values": [[1]], "list_levels": ["SOMETIMES"]}]
    for change in bad:
        try:
            parse_column({**base, **change}, 1)
        except SpecError:
            continue
        raise AssertionError(f"accepted {change}")
    nested = parse_column({**base, "list_levels": ["OPTIONAL", "REQUIRED"],
                           "values": [[None, [], [1, 2]], None, []]}, 3)
    assert nested.values == [[None, [], [1, 2]], None, []]


def test_list_helpers(_samples):
    """pyarrow list conversion honours slicing and hidden children; fastparquet's two forms."""
    array = pa.ListArray.from_arrays(pa.array([0, 2, 4, 5], pa.int32()), pa.array([1, 2, 3, 4, 5]),
                                     mask=pa.array([False, True, False]))
    declared = ColumnSpec("l", "INT64", None, "OPTIONAL", None, [], None, ("OPTIONAL",))
    assert reader_pyarrow._array_values(declared, array) == [[1, 2], None, [5]]
    assert reader_pyarrow._array_values(declared, array.slice(1)) == [None, [5]]
    decimal = ColumnSpec("d", "INT32", None, "OPTIONAL", {"type": "DECIMAL", "precision": 5, "scale": 2},
                         [], None, ("OPTIONAL",))
    wanted = limitations._raw_or_fastparquet_converted(decimal, "1.10")
    assert wanted.matches("1.10") and wanted.matches(1.1)
    assert not wanted.matches("1.1") and not wanted.matches(1.2) and not wanted.matches(None)
    assert limitations._raw_or_fastparquet_converted(decimal, None) is None


def test_valueless_pages(samples):
    """The checker finds the data pages that hold only nulls, null lists or empty lists."""
    assert level_slots([1, None], 1) == [1, None] and level_slots([], 1) == [None] and level_slots(None, 1) == [None]
    assert level_slots([[1, None], None, [], [2]], 2) == [1, None, None, None, 2]
    values = [1, 2, None, None, 3, None]
    path = os.path.join(samples.root, "valueless.parquet")
    # Two rows a page: the second page holds only nulls, the third one value.
    pq.write_table(pa.table({"c": pa.array(values, pa.int32())}), path, use_dictionary=False,
                   column_encoding={"c": "DELTA_BINARY_PACKED"}, data_page_size=1, write_batch_size=2)
    declared = ColumnSpec("c", "INT32", None, "OPTIONAL", None, values, None)
    spec = check_interop.with_data_page_kinds(FileSpec(len(values), None, [declared]), path)
    assert spec.columns[0].data_encodings == {"DELTA_BINARY_PACKED"}, spec.columns[0]
    assert spec.columns[0].valueless_page_encodings == {"DELTA_BINARY_PACKED"}, spec.columns[0]
    declared = ColumnSpec("c", "INT32", None, "OPTIONAL", None, [1, 2, 7, None, 3, None], None)
    spec = check_interop.with_data_page_kinds(FileSpec(len(values), None, [declared]), path)
    assert spec.columns[0].valueless_page_encodings == frozenset(), spec.columns[0]


def test_value_helpers(_samples):
    """Canonical value helpers are exact."""
    assert not same_value(-0.0, 0.0) and same_value(math.nan, float("nan"))
    assert not same_value(1, True) and not same_value(1, 1.0) and same_value(None, None)
    assert canonical.decimal_text(-5, 2) == "-0.05" and canonical.decimal_text(0, 3) == "0.000"
    assert canonical.decimal_text(12345, 0) == "12345"
    wide = Decimal("-1234567890123456789012345678901234567890.0123456789")
    assert canonical.decimal_text_from_python(wide, 10) == str(wide)
    assert canonical.decimal_text_from_python(Decimal("0E-10"), 10) == "0.0000000000"
    assert canonical.rescale(1500, "MICROS", "MILLIS") != 1
    assert canonical.rescale(-86_400_000, "MILLIS", "DAYS") == -1
    assert canonical.half_float(b"\x00\x80") == 0.0 and math.copysign(1, canonical.half_float(b"\x00\x80")) < 0


def test_footer_codec_round_trip(samples):
    """Decoding and re-encoding every sample footer reproduces its bytes."""
    for entry in sorted(os.listdir(samples.directory)):
        if entry.endswith(".parquet"):
            with open(os.path.join(samples.directory, entry), "rb") as f:
                data = f.read()
            body, footer = parquet_footer.split_file(data)
            assert parquet_footer.join_file(body, footer) == data, entry


TESTS = [test_samples_pass, test_empty_directory, test_wrong_integer_value,
         test_negative_zero_is_not_zero, test_nan_is_not_a_number, test_null_is_not_a_string,
         test_wrong_decimal_digit, test_nanosecond_difference, test_wrong_uuid_and_binary,
         test_wrong_declared_type, test_row_count, test_column_order, test_row_group_count,
         test_statistics, test_many_value_failures_are_summarised,
         test_broken_json_and_missing_parquet, test_wrong_list_elements,
         test_null_empty_and_short_lists_differ, test_list_repetitions, test_list_statistics,
         test_list_group_annotation, test_list_declarations, test_list_helpers, test_valueless_pages,
         test_value_helpers, test_footer_codec_round_trip]


def main():
    """Run every test; return the exit status."""
    failures = 0
    with tempfile.TemporaryDirectory(prefix="interop-selftest-") as root:
        samples = Samples(root)
        for test in TESTS:
            try:
                test(samples)
                print(f"ok   {test.__name__}")
            except AssertionError as error:
                failures += 1
                print(f"FAIL {test.__name__}: {error}")
    print(f"{len(TESTS) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
