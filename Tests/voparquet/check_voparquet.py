"""End-to-end checks of `voparquet convert` with astropy-written VOTables.

Usage (from the repository root, after `swift build`):
    .venv/bin/python Tests/voparquet/check_voparquet.py --voparquet .build/debug/voparquet \
        [--fixtures Fixtures/votable] [--work DIR] [--shared-data ../shared/data]

* Round trips: every fixture (TABLEDATA, BINARY, BINARY2) is converted and read
  back by pyarrow, DuckDB, polars and fastparquet, which must return exactly the
  values of the fixture (as each serialization carries them, see expectations.py)
  and the types of Docs/type-mapping.md.
* Command line: stdin and stdout, gzip input, every option, refused options,
  limits, and errors (one line with a location, non-zero exit, no output file).
* astropy: the embedded VOTable gives back every FIELD's units, UCDs and
  descriptions; Table.read(format="parquet.votable") is tried on one column of
  each kind, with and without nulls: where astropy reads it, the values must
  match; where it cannot, a NOTE says which case and why.
* The README's sample (Fixtures/votable/sample.xml) reads back everywhere,
  astropy included.
* DP0.2 Object (when the shared data is there): 2,000 BINARY2 rows convert and
  astropy reads them back with all 991 columns' metadata.

Prints one FAIL line per failure and NOTE lines for astropy's limits, then
"N passed, M failed"; exits non-zero when anything failed.
"""

import argparse
import base64
import gzip
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expected_values, is_list, same, timestamp_micros  # noqa: E402
from output_handling import check_output_handling  # noqa: E402
from readers import READERS, null_as_nan  # noqa: E402
import make_votables  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONTENT_KEY = b"IVOA.VOTable-Parquet.content"
VERSION_KEY = b"IVOA.VOTable-Parquet.version"
SERIALIZATIONS = ("tabledata", "binary", "binary2")
ARROW_TYPES = {"boolean": pa.bool_(), "bit": pa.bool_(), "unsignedByte": pa.uint8(), "short": pa.int16(),
               "int": pa.int32(), "long": pa.int64(), "float": pa.float32(), "double": pa.float64(),
               "floatComplex": pa.float32(), "doubleComplex": pa.float64(), "char": pa.string(),
               "unicodeChar": pa.string()}


class Checks:
    """Counts checks and prints failures."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, condition, detail=""):
        """Record one check; print it when it failed."""
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""))
        return condition


def note(text):
    """A documented limitation of a reader, not a failure."""
    print(f"NOTE {text}")


class Converter:
    """Runs the voparquet executable."""

    def __init__(self, binary, work):
        self.binary = binary
        self.work = work

    def run(self, arguments, stdin=None):
        """The completed process of `voparquet convert ARGUMENTS`."""
        return subprocess.run([self.binary, "convert", *arguments], input=stdin, capture_output=True, check=False)

    def convert(self, checks, source, name, *options):
        """Converts SOURCE to WORK/NAME.parquet; returns the path, or None on failure."""
        out = os.path.join(self.work, name + ".parquet")
        completed = self.run([source, "-o", out, *options])
        ok = checks.check(f"convert {name} {' '.join(options)}", completed.returncode == 0 and os.path.exists(out),
                          completed.stderr.decode(errors="replace").strip())
        checks.check(f"convert {name}: nothing on stderr when it is not a terminal", completed.stderr == b"",
                     completed.stderr.decode(errors="replace").strip())
        return out if ok else None


def arrow_type(column, timestamps):
    """The pyarrow type Docs/type-mapping.md gives this column."""
    if column["timestamp"] and timestamps:
        return pa.timestamp("us", tz="UTC")
    element = ARROW_TYPES[column["datatype"]]
    return pa.list_(pa.field("element", element)) if is_list(column) else element


def check_values(checks, path, spec, serialization, case, timestamps=False, unreadable=None):
    """Every reader returns exactly the expected values and pyarrow the expected types.
    `unreadable` maps a reader that cannot read the file at all to the reason."""
    schema = pq.read_schema(path)
    for column in spec["columns"]:
        expected_type = arrow_type(column, timestamps)
        actual_type = schema.field(column["name"]).type
        checks.check(f"{case}: type of {column['name']}", actual_type == expected_type,
                     f"expected {expected_type}, got {actual_type}")
    for reader, read in READERS.items():
        if unreadable and reader in unreadable:
            note(f"{case}: {reader} left out: {unreadable[reader]}")
            continue
        try:
            columns = read(path)
        except Exception as error:  # a reader failing is a check failure, reported as such
            checks.check(f"{case}: {reader} reads the file", False, f"{type(error).__name__}: {error}")
            continue
        for column in spec["columns"]:
            expected = expected_values(column, serialization)
            if column["timestamp"] and timestamps:
                expected = [timestamp_micros(value) for value in expected]
            if null_as_nan(reader, column):
                expected = ["NaN" if value is None else value for value in expected]
            actual = columns.get(column["name"])
            bad = [] if actual is None else [row for row, (e, a) in enumerate(zip(expected, actual)) if not same(e, a)]
            detail = "column missing" if actual is None else (
                f"{len(actual)} rows" if len(actual) != len(expected) else
                "; ".join(f"row {row}: expected {expected[row]!r}, got {actual[row]!r}" for row in bad[:3]))
            checks.check(f"{case}: {reader} {column['name']}",
                         actual is not None and len(actual) == len(expected) and not bad, detail)


def embedded_fields(path):
    """The FIELDs of the embedded VOTable's first TABLE, parsed by astropy."""
    from astropy.io import votable
    metadata = pq.read_metadata(path).metadata
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        document = votable.parse(io.BytesIO(metadata[CONTENT_KEY]), verify="warn")
    return metadata, document.get_first_table().fields


def check_embedded(checks, path, spec, case):
    """Version key, no DATA, and every FIELD's metadata as the fixture wrote it."""
    metadata, fields = embedded_fields(path)
    checks.check(f"{case}: version key", metadata.get(VERSION_KEY) == b"1.0")
    checks.check(f"{case}: no DATA in the embedded VOTable", b"<DATA" not in metadata[CONTENT_KEY])
    by_name = {field.name: field for field in fields}
    for column in spec["columns"]:
        field = by_name.get(column["name"])
        if not checks.check(f"{case}: FIELD {column['name']} embedded", field is not None):
            continue
        unit = None if field.unit is None else str(field.unit)
        got = (field.datatype, field.arraysize, unit, field.ucd, field.description)
        # astropy reports the implied arraysize "1" of a char FIELD without one.
        arraysize = column["arraysize"] or ("1" if column["datatype"] in ("char", "unicodeChar") else None)
        want = (column["datatype"], arraysize, column["unit"], column["ucd"], column["description"])
        checks.check(f"{case}: FIELD {column['name']} metadata", got == want, f"expected {want}, got {got}")


def check_round_trips(checks, converter, fixtures):
    """Every fixture through the converter and the four readers."""
    spec = load_spec(fixtures, "alltypes")
    for serialization in SERIALIZATIONS:
        source = os.path.join(fixtures, f"alltypes_{serialization}.xml")
        path = converter.convert(checks, source, f"alltypes_{serialization}")
        if path:
            check_values(checks, path, spec, serialization, f"alltypes {serialization}")
            check_embedded(checks, path, spec, f"alltypes {serialization}")
    source = os.path.join(fixtures, "alltypes_binary2.xml")
    path = converter.convert(checks, source, "alltypes_timestamps", "--timestamps-as", "timestamp")
    if path:
        check_values(checks, path, spec, "binary2", "alltypes timestamps", timestamps=True)
    multidim = load_spec(fixtures, "multidim")
    path = converter.convert(checks, os.path.join(fixtures, "multidim_tabledata.xml"), "multidim_tabledata")
    if path:
        check_values(checks, path, multidim, "tabledata", "multidim tabledata")


def load_spec(fixtures, name):
    """A fixture's expected JSON."""
    with open(os.path.join(fixtures, f"{name}_expected.json"), encoding="utf-8") as f:
        return json.load(f)


def check_input_and_output_channels(checks, converter, fixtures):
    """stdin, stdout and gzip input give the same bytes as file to file."""
    source = os.path.join(fixtures, "alltypes_binary2.xml")
    reference_path = converter.convert(checks, source, "channels_reference")
    if not reference_path:
        return
    with open(reference_path, "rb") as f:
        reference = f.read()
    with open(source, "rb") as f:
        document = f.read()
    piped = converter.run(["-"], stdin=document)
    checks.check("stdin to stdout gives the same file", piped.returncode == 0 and piped.stdout == reference,
                 piped.stderr.decode(errors="replace").strip())
    compressed = os.path.join(converter.work, "alltypes_binary2.xml.gz")
    with open(compressed, "wb") as f:
        f.write(gzip.compress(document))
    path = converter.convert(checks, compressed, "channels_gzip")
    if path:
        with open(path, "rb") as f:
            checks.check("gzip input gives the same file", f.read() == reference)


def check_options(checks, converter, fixtures):
    """Every option that works, and every option refused on bad input."""
    source = os.path.join(fixtures, "alltypes_binary2.xml")
    spec = load_spec(fixtures, "alltypes")
    # pyarrow names the LZ4_RAW codec "LZ4" (the Hadoop framing would be "LZ4_HADOOP").
    codecs = {"zstd": "ZSTD", "snappy": "SNAPPY", "gzip": "GZIP", "lz4": "LZ4", "none": "UNCOMPRESSED"}
    for codec, name in codecs.items():
        path = converter.convert(checks, source, f"codec_{codec}", "--compression", codec)
        if path:
            chunk = pq.ParquetFile(path).metadata.row_group(0).column(0)
            checks.check(f"--compression {codec} writes {name}", chunk.compression == name, chunk.compression)
            check_values(checks, path, spec, "binary2", f"codec {codec}")
    path = converter.convert(checks, source, "level", "--compression", "zstd", "--level", "19")
    checks.check("--level 19 converts", path is not None)

    path = converter.convert(checks, source, "plain", "--no-dictionary")
    if path:
        group = pq.ParquetFile(path).metadata.row_group(0)
        encodings = {e for i in range(group.num_columns) for e in group.column(i).encodings}
        checks.check("--no-dictionary: no RLE_DICTIONARY", "RLE_DICTIONARY" not in encodings, str(encodings))
    path = converter.convert(checks, source, "column_encoding", "--encoding", "int32=PLAIN")
    if path:
        metadata = pq.ParquetFile(path).metadata.row_group(0)
        index = leaf_index(pq.read_schema(path), "int32")
        checks.check("--encoding int32=PLAIN", "RLE_DICTIONARY" not in metadata.column(index).encodings,
                     str(metadata.column(index).encodings))
        checks.check("--encoding leaves other columns dictionary-encoded",
                     "RLE_DICTIONARY" in metadata.column(index + 1).encodings)
    path = converter.convert(checks, source, "bloom", "--bloom-filter", "int32", "--bloom-filter", "text")
    if path:
        filtered = duckdb.sql(f"SELECT path_in_schema FROM parquet_metadata('{path}') "
                              "WHERE bloom_filter_offset IS NOT NULL").fetchall()
        checks.check("--bloom-filter writes filters on exactly the named columns",
                     sorted({row[0] for row in filtered}) == ["int32", "text"], str(filtered))
        values = [v for v in pq.read_table(path, columns=["int32"]).column(0).to_pylist() if v is not None]
        probes = [duckdb.sql(f"SELECT bloom_filter_excludes FROM parquet_bloom_probe('{path}', 'int32', {v})")
                  .fetchall() for v in values]
        checks.check("--bloom-filter: every written int32 value probes present",
                     all(not excludes for rows in probes for (excludes,) in rows), str(probes[:3]))
    path = converter.convert(checks, source, "page_index", "--page-index")
    if path:
        chunk = pq.ParquetFile(path).metadata.row_group(0).column(0)
        checks.check("--page-index writes a ColumnIndex and an OffsetIndex",
                     chunk.has_column_index and chunk.has_offset_index)
    path = converter.convert(checks, source, "small_groups", "--row-group-rows", "2", "--page-size", "1k",
                             "--row-group-bytes", "64k", "--data-page-version", "1", "--no-page-index")
    if path:
        checks.check("--row-group-rows 2 gives 3 row groups", pq.ParquetFile(path).metadata.num_row_groups == 3)
        chunk = pq.ParquetFile(path).metadata.row_group(0).column(0)
        checks.check("--no-page-index writes no page index", not chunk.has_column_index and not chunk.has_offset_index)
        check_values(checks, path, spec, "binary2", "small row groups")
    encodings = ["--encoding", "long64=DELTA_BINARY_PACKED", "--encoding", "text=DELTA_LENGTH_BYTE_ARRAY",
                 "--encoding", "wide=DELTA_BYTE_ARRAY", "--encoding", "real64=BYTE_STREAM_SPLIT"]
    path = converter.convert(checks, source, "v2_crc_encodings", "--data-page-version", "2", "--crc", *encodings)
    if path:
        metadata = pq.ParquetFile(path).metadata.row_group(0)
        schema = pq.read_schema(path)
        for name, encoding in [("long64", "DELTA_BINARY_PACKED"), ("text", "DELTA_LENGTH_BYTE_ARRAY"),
                               ("wide", "DELTA_BYTE_ARRAY"), ("real64", "BYTE_STREAM_SPLIT")]:
            chunk = metadata.column(leaf_index(schema, name))
            checks.check(f"--encoding {name}={encoding}", encoding in chunk.encodings, str(chunk.encodings))
        check_values(checks, path, spec, "binary2", "v2 pages, crc, encodings", unreadable={
            "fastparquet": "it cannot decode DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT pages, "
                           "nor v2 pages with nulls and RLE booleans (see Tests/interop/limitations.py)"})
        with open(path, "rb") as f:
            crc_read = pq.read_table(f, page_checksum_verification=True)
        checks.check("--crc: pyarrow verifies every page checksum", crc_read.num_rows == spec["rows"])

    for arguments, message in [
        (["--encoding", "int32=RLE"], "RLE is not supported"),
        (["--data-page-version", "3"], "--data-page-version must be 1 or 2"),
        (["--compression", "snappy", "--level", "3"], "--level applies to zstd and gzip only"),
        (["--compression", "brotli"], "--compression must be one of"),
        (["--no-such-option"], "Unknown option"),
    ]:
        check_refused(checks, converter, source, arguments, message, status=2)
    # Checked by the writer when it is made, not by the command line.
    check_refused(checks, converter, source, ["--bloom-filter", "nosuch"],
                  "options given for unknown column 'nosuch'", status=1)
    check_refused(checks, converter, source, ["--encoding", "nosuch=PLAIN"], "unknown column 'nosuch'", status=1)


def leaf_index(schema, name):
    """The column chunk index of top-level column `name`: every column, LISTs
    included, has exactly one leaf, so it is the field's index."""
    return schema.get_field_index(name)


def check_refused(checks, converter, source, arguments, message, status):
    """The command stops with `status`, the message on stderr, and no output file."""
    out = os.path.join(converter.work, "refused.parquet")
    completed = converter.run([source, "-o", out, *arguments])
    stderr = completed.stderr.decode(errors="replace")
    checks.check(f"refused {' '.join(arguments)}",
                 completed.returncode == status and message in stderr and not os.path.exists(out),
                 f"status {completed.returncode}: {stderr.strip()}")


def write_large_votable(path, rows):
    """A BINARY2 VOTable of `rows` rows, for the limit checks."""
    import numpy as np
    from astropy.table import Table
    r = np.arange(rows)
    table = Table({"id": r.astype(np.int64), "x": np.sin(r.astype(np.float64)),
                   "name": np.array([f"object {i * 7919 % 100003}" for i in range(rows)])})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table.write(path, format="votable", tabledata_format="binary2", overwrite=True)


def check_limits(checks, converter, fixtures):
    """--max-rows and --max-bytes stop early, mark the overflow, keep the file within bounds."""
    source = os.path.join(fixtures, "alltypes_binary2.xml")
    for rows in (2, 0):
        out = os.path.join(converter.work, f"max_rows_{rows}.parquet")
        completed = converter.run([source, "-o", out, "--max-rows", str(rows)])
        if checks.check(f"--max-rows {rows} converts", completed.returncode == 0, completed.stderr.decode().strip()):
            content = pq.read_metadata(out).metadata[CONTENT_KEY].decode()
            checks.check(f"--max-rows {rows}: {rows} rows", pq.read_metadata(out).num_rows == rows)
            checks.check(f"--max-rows {rows}: overflow INFO", 'name="QUERY_STATUS" value="OVERFLOW"' in content)
            checks.check(f"--max-rows {rows}: says so on stderr", b"overflowed" in completed.stderr)
    large = os.path.join(converter.work, "large.xml")
    write_large_votable(large, 20_000)
    for limit in (100_000, 250_000):
        out = os.path.join(converter.work, f"max_bytes_{limit}.parquet")
        completed = converter.run([large, "-o", out, "--max-bytes", str(limit), "--row-group-rows", "1000"])
        if checks.check(f"--max-bytes {limit} converts", completed.returncode == 0, completed.stderr.decode().strip()):
            size = os.path.getsize(out)
            metadata = pq.read_metadata(out)
            checks.check(f"--max-bytes {limit}: file within the limit", size <= limit, f"{size} bytes")
            checks.check(f"--max-bytes {limit}: some rows, not all", 0 < metadata.num_rows < 20_000,
                         f"{metadata.num_rows} rows")
            checks.check(f"--max-bytes {limit}: overflow INFO",
                         b'name="QUERY_STATUS" value="OVERFLOW"' in metadata.metadata[CONTENT_KEY])
            table = pq.read_table(out)
            checks.check(f"--max-bytes {limit}: rows are the first ones",
                         table.column("id").to_pylist() == list(range(metadata.num_rows)))


def check_errors(checks, converter, fixtures):
    """Bad input: one error line with its location, a non-zero exit, no output file."""
    with open(os.path.join(fixtures, "alltypes_tabledata.xml"), encoding="utf-8") as f:
        tabledata = f.read()
    with open(os.path.join(fixtures, "alltypes_binary2.xml"), encoding="utf-8") as f:
        binary2 = f.read()
    stream_start = binary2.index('<STREAM encoding="base64">') + len('<STREAM encoding="base64">')
    stream_end = binary2.index("</STREAM>")
    # The stream without the last 5 bytes of its last row, still valid base64.
    rows = base64.b64decode("".join(binary2[stream_start:stream_end].split()))
    cut_stream = base64.b64encode(rows[:-5]).decode()
    first_row = tabledata.index("<TR>")
    cases = {
        "malformed XML": (tabledata.replace("</TD>", "</TX>", 1), "line "),
        "row with too few cells": (tabledata[:first_row] + tabledata[first_row:].replace("<TD>", "<TDX>", 1)
                                   .replace("<TDX>", "", 1).replace("</TD>", "", 1), "row 0"),
        "value that does not parse": (tabledata.replace("<TD>2147483647</TD>", "<TD>21474x3647</TD>"),
                                      "column 'int32'"),
        "truncated input": (tabledata[:len(tabledata) // 2], "truncated input"),
        "bad base64": (binary2[:stream_start + 10] + "*" + binary2[stream_start + 10:], "invalid character"),
        "truncated BINARY2 stream": (binary2[:stream_start] + cut_stream + binary2[stream_end:], "row 5"),
    }
    for name, (document, location) in cases.items():
        path = os.path.join(converter.work, "bad.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(document)
        out = os.path.join(converter.work, "bad.parquet")
        completed = converter.run([path, "-o", out])
        stderr = completed.stderr.decode(errors="replace")
        lines = stderr.splitlines()
        checks.check(f"error {name}: non-zero exit", completed.returncode == 1, f"status {completed.returncode}")
        checks.check(f"error {name}: one line with its location",
                     len(lines) == 1 and lines[0].startswith("voparquet: error: ") and location in lines[0], stderr)
        leftovers = [entry for entry in os.listdir(converter.work) if entry.startswith(".bad.parquet")]
        checks.check(f"error {name}: no output file", not os.path.exists(out) and not leftovers, str(leftovers))
        piped = converter.run([path])
        checks.check(f"error {name}: standard output stops before the footer",
                     piped.returncode == 1 and not piped.stdout.endswith(b"PAR1"))
    missing = converter.run([os.path.join(converter.work, "missing.xml"), "-o", os.path.join(converter.work, "m.parquet")])
    checks.check("error missing input: one line", missing.returncode == 1
                 and missing.stderr.decode().startswith("voparquet: error: open ") and len(missing.stderr.splitlines()) == 1,
                 missing.stderr.decode())


def astropy_reason(error):
    """Why astropy failed, when the failure is a known limitation of its
    parquet.votable reader (which stacks an empty table parsed from the embedded
    VOTable onto the table its plain parquet reader returns)."""
    text = str(error)
    if "has no len()" in text:
        return "its parquet reader takes len() of every string to size the column, and a null string has none"
    if "incompatible types" in text and "'object', 'str" in text:
        return ("its VOTable parser makes a char/unicodeChar FIELD of arraysize '*' an object column, its parquet "
                "reader a str column, and the two cannot be stacked")
    if "incompatible types" in text and "'object'" in text:
        return ("its parquet reader returns Parquet LISTs (and booleans with nulls) as object columns, which cannot "
                "be stacked onto the fixed-shape, complex or bool column the FIELD declares")
    return None


def check_astropy(checks, converter, fixtures):
    """Table.read(format="parquet.votable") on one column of each kind, with and without nulls."""
    from astropy.table import Table
    spec = load_spec(fixtures, "alltypes")
    by_name = {column["name"]: column for column in spec["columns"]}
    for entry in make_votables.COLUMNS:
        name = entry[0]
        for with_nulls in (True, False):
            values = entry[7] if with_nulls else [v for v in entry[7] if v is not None]
            if with_nulls and None not in values:
                continue
            case = f"astropy {name} ({'with' if with_nulls else 'without'} nulls)"
            source = os.path.join(converter.work, f"one_{name}_{with_nulls}.xml")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                vot = make_votables.document([entry[:7] + (values,)], "one", rows=len(values))
                vot.resources[0].tables[0].format = "binary2"
                vot.to_xml(source)
            path = converter.convert(checks, source, f"one_{name}_{with_nulls}")
            if not path:
                continue
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    table = Table.read(path, format="parquet.votable")
            except Exception as error:  # astropy's limits are reported, not hidden
                reason = astropy_reason(error)
                checks.check(f"{case}: known astropy limitation", reason is not None, f"{type(error).__name__}: {error}")
                note(f"{case}: astropy cannot read it: {reason} ({type(error).__name__}: {error})")
                continue
            column = by_name[name]
            astropy_column = table[name]
            unit = None if astropy_column.unit is None else str(astropy_column.unit)
            checks.check(f"{case}: unit, UCD and description",
                         (unit, astropy_column.meta.get("ucd"), astropy_column.description)
                         == (column["unit"], column["ucd"], column["description"]),
                         f"{(unit, astropy_column.meta.get('ucd'), astropy_column.description)}")
            check_astropy_values(checks, case, astropy_column, [make_votables.canonical(v) for v in values])


def check_astropy_values(checks, case, astropy_column, expected):
    """astropy's values against the fixture's; a masked or NaN cell stands for null
    (astropy reads nullable integers as float64 with NaN for null)."""
    from expectations import canonical
    mask = getattr(astropy_column, "mask", None)
    actual = []
    for row in range(len(astropy_column)):
        masked = mask is not None and bool(getattr(mask[row], "all", lambda: mask[row])())
        actual.append(None if masked else canonical(astropy_column[row]))
    bad = []
    for row, (e, a) in enumerate(zip(expected, actual)):
        if e is None:
            if a not in (None, "NaN"):
                bad.append(row)
        elif isinstance(e, int) and not isinstance(e, bool) and isinstance(a, float):
            if not same(float(e), a):
                bad.append(row)
        elif not same(e, a):
            bad.append(row)
    checks.check(f"{case}: values", len(actual) == len(expected) and not bad,
                 "; ".join(f"row {row}: expected {expected[row]!r}, got {actual[row]!r}" for row in bad[:3]))


def check_sample(checks, converter, fixtures):
    """The README's sample: four readers, and astropy reads it whole with its metadata."""
    from astropy.table import Table
    spec = load_spec(fixtures, "sample")
    path = converter.convert(checks, os.path.join(fixtures, "sample.xml"), "sample")
    if not path:
        return
    check_values(checks, path, spec, "binary2", "sample")
    check_embedded(checks, path, spec, "sample")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = Table.read(path, format="parquet.votable")
    for column in spec["columns"]:
        astropy_column = table[column["name"]]
        unit = None if astropy_column.unit is None else str(astropy_column.unit)
        checks.check(f"sample astropy {column['name']}: unit, UCD and description",
                     (unit, astropy_column.meta.get("ucd"), astropy_column.description)
                     == (column["unit"], column["ucd"], column["description"]))
        check_astropy_values(checks, f"sample astropy {column['name']}", astropy_column, column["values"])


def check_dp02(checks, converter, shared_data):
    """2,000 DP0.2 Object rows in BINARY2: astropy reads every column with its metadata."""
    envelope_path = os.path.join(shared_data, "dp02_object.json")
    if not os.path.exists(envelope_path):
        note(f"DP0.2 check skipped: {envelope_path} is not there")
        return
    from astropy.io import votable
    from astropy.table import Table
    source = os.path.join(converter.work, "object2k.xml")
    subprocess.run([sys.executable, os.path.join(REPO, "Scripts", "make_object_votable.py"), "--object-json",
                    envelope_path, "--rows", "2000", "--out", source], check=True, capture_output=True)
    path = converter.convert(checks, source, "object2k")
    if not path:
        return
    with open(envelope_path, encoding="utf-8") as f:
        envelope = json.load(f)["envelope"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fields = votable.parse(io.BytesIO((envelope["header"] + envelope["footer"]).encode())).get_first_table().fields
    _, embedded = embedded_fields(path)
    checks.check("DP0.2: 991 FIELDs embedded", len(embedded) == 991 == len(fields))
    described = [(f.name, f.datatype, f.arraysize, f.unit, f.ucd, f.description) for f in fields]
    got = [(f.name, f.datatype, f.arraysize, f.unit, f.ucd, f.description) for f in embedded]
    checks.check("DP0.2: every FIELD's units, UCD and description as astropy parses them", got == described)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            Table.read(path, format="parquet.votable")
        checks.check("DP0.2: astropy reads the file", True)
    except Exception as error:  # astropy's limits are reported, not hidden
        reason = astropy_reason(error)
        checks.check("DP0.2: astropy's failure is a known limitation", reason is not None, str(error))
        note(f"DP0.2: astropy Table.read(format='parquet.votable') cannot read it: {reason} ({error})")
    # The values of Scripts/make_object_votable.py come from Scripts/object_values.py.
    sys.path.insert(0, os.path.join(REPO, "Scripts"))
    import object_values
    column_types = object_values.load_column_types(envelope_path)
    ra = next(c for c, column in enumerate(column_types) if column["name"] == "coord_ra")
    values, mask = object_values.column_values(ra, column_types[ra], object_values.row_range(0, 2000))
    expected_ra = [None if null else value for value, null in zip(values.tolist(), mask.tolist())]
    checks.check("DP0.2: coord_ra values", pq.read_table(path, columns=["coord_ra"]).column(0).to_pylist() == expected_ra)
    check_dp02_smallest_memory_limit(checks, converter, source, path)
    check_dp02_thread_counts(checks, converter, source, path)


def check_dp02_thread_counts(checks, converter, source, reference):
    """--threads changes who encodes the pages, never the bytes; a count out of range is a usage error."""
    with open(reference, "rb") as f:
        expected = f.read()
    for threads in ("1", "3"):
        path = converter.convert(checks, source, f"object2k_threads{threads}", "--threads", threads)
        if path:
            with open(path, "rb") as f:
                checks.check(f"DP0.2: --threads {threads} writes the bytes of the default", f.read() == expected)
    for bad in ("0", "257", "two"):
        check_refused(checks, converter, source, ["--threads", bad], "--threads needs a count from 1 to 256", 2)


def smallest_memory_limit(converter, source):
    """The smallest --memory-limit the converter takes for `source`, from its refusal of 1 byte."""
    completed = converter.run([source, "-o", os.path.join(converter.work, "refused.parquet"), "--memory-limit", "1"])
    match = re.search(r"at least (\d+) bytes are needed", completed.stderr.decode(errors="replace"))
    return match.group(1) if match else None


def check_spilled_for_astropy(checks, converter):
    """An astropy-written table converted at the smallest memory limit, where its
    pages pass their share (a few KiB) and go through the temporary file, reads
    back in astropy with every value."""
    import numpy as np
    from astropy.table import Table
    source = os.path.join(converter.work, "spill_numbers.xml")
    rows = np.arange(50_000)
    table = Table({"id": rows.astype(np.int64) * 7919, "flux": np.exp(np.sin(rows.astype(np.float64)) * 20)})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table.write(source, format="votable", tabledata_format="binary2", overwrite=True)
    limit = smallest_memory_limit(converter, source)
    checks.check("spill: the smallest memory limit is named", limit is not None)
    if not limit:
        return
    path = converter.convert(checks, source, "spill_numbers", "--memory-limit", limit, "--compression", "none")
    if not path:
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        read = Table.read(path, format="parquet.votable")
    checks.check("spill: astropy reads every id and flux of the file written at the smallest memory limit",
                 len(read) == len(table) and (read["id"] == table["id"]).all() and (read["flux"] == table["flux"]).all())
    checks.check("spill: the file has one row group", pq.ParquetFile(path).metadata.num_row_groups == 1)


def check_dp02_smallest_memory_limit(checks, converter, source, reference):
    """A memory limit too small for 991 columns is refused with the smallest one that
    works; at that limit (no compression, no dictionary, so the 2,000 rows' pages pass
    their 4 MB share and go through the temporary file) every reader and astropy read
    the same values as from the file written with the defaults."""
    out = os.path.join(converter.work, "object2k_refused.parquet")
    completed = converter.run([source, "-o", out, "--memory-limit", "1M"])
    stderr = completed.stderr.decode(errors="replace")
    match = re.search(r"at least (\d+) bytes are needed", stderr)
    checks.check("DP0.2: --memory-limit 1M is refused in one line naming the smallest limit",
                 completed.returncode == 1 and match is not None and stderr.count("\n") == 1
                 and not os.path.exists(out), stderr.strip())
    if not match:
        return
    path = converter.convert(checks, source, "object2k_smallest_limit", "--memory-limit", match.group(1),
                             "--compression", "none", "--no-dictionary")
    if not path:
        return
    for reader, read in READERS.items():
        try:
            expected, actual = read(reference), read(path)
        except Exception as error:  # a reader failing is a check failure, reported as such
            checks.check(f"DP0.2 at the smallest memory limit: {reader} reads it", False, f"{type(error).__name__}: {error}")
            continue
        differing = [name for name in expected
                     if len(expected[name]) != len(actual.get(name, []))
                     or not all(same(e, a) for e, a in zip(expected[name], actual[name]))]
        checks.check(f"DP0.2 at the smallest memory limit: {reader} reads the same 991 columns",
                     not differing and expected.keys() == actual.keys(), ", ".join(differing[:5]))
    try:
        from astropy.table import Table
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            table = Table.read(path, format="parquet.votable")
        checks.check("DP0.2 at the smallest memory limit: astropy reads 2,000 rows of 991 columns",
                     len(table) == 2000 and len(table.columns) == 991)
    except Exception as error:  # astropy's limits are reported, not hidden
        reason = astropy_reason(error)
        checks.check("DP0.2 at the smallest memory limit: astropy's failure is a known limitation",
                     reason is not None, str(error))


def check_command_line(checks, converter, fixtures):
    """Help, version and completion scripts exit 0; --opt=value equals --opt value; usage errors exit 2."""
    def tool(*arguments):
        return subprocess.run([converter.binary, *arguments], capture_output=True, check=False)

    for arguments, text in [(["--help"], b"convert"), (["convert", "--help"], b"--compression"),
                            (["help", "convert"], b"--compression")]:
        completed = tool(*arguments)
        checks.check(f"voparquet {' '.join(arguments)} exits 0 with the usage",
                     completed.returncode == 0 and text in completed.stdout, completed.stderr.decode())
    version = tool("--version")
    source = os.path.join(fixtures, "sample.xml")
    path = converter.convert(checks, source, "version")
    if path:
        created_by = pq.read_metadata(path).created_by
        checks.check("voparquet --version prints the created_by that pyarrow reads",
                     version.returncode == 0 and version.stdout.decode() == created_by + "\n",
                     f"{version.stdout!r} vs {created_by!r}")
    for shell in ["bash", "zsh", "fish"]:
        completed = tool("--generate-completion-script", shell)
        checks.check(f"voparquet completion script for {shell}", completed.returncode == 0
                     and b"compression" in completed.stdout and b"bloom-filter" in completed.stdout)
    spaced = converter.convert(checks, source, "spaced", "--compression", "gzip", "--row-group-rows", "2")
    joined = converter.convert(checks, source, "joined", "--compression=gzip", "--row-group-rows=2")
    if spaced and joined:
        with open(spaced, "rb") as a, open(joined, "rb") as b:
            checks.check("--opt=value writes the same file as --opt value", a.read() == b.read())
        checks.check("--compression=gzip applies", pq.ParquetFile(joined).metadata.row_group(0).column(0).compression == "GZIP")
    for arguments, message in [([], "no command given"), (["concert"], "concert"),
                               (["convert"], "Missing expected argument")]:
        completed = tool(*arguments)
        stderr = completed.stderr.decode(errors="replace")
        checks.check(f"voparquet {' '.join(arguments)}: usage error with status 2", completed.returncode == 2
                     and stderr.startswith("voparquet: error: ") and message in stderr.splitlines()[0], stderr)


def main(argv):
    """Run every check; exit 1 on any failure."""
    parser = argparse.ArgumentParser(description="End-to-end checks of voparquet convert.")
    parser.add_argument("--voparquet", required=True, help="the voparquet executable")
    parser.add_argument("--fixtures", default=os.path.join(REPO, "Fixtures", "votable"))
    parser.add_argument("--work", help="directory for the converted files (default: a temporary one)")
    parser.add_argument("--shared-data", default=os.path.join(REPO, "..", "shared", "data"))
    args = parser.parse_args(argv)
    work = args.work or tempfile.mkdtemp(prefix="voparquet-check-")
    os.makedirs(work, exist_ok=True)
    converter = Converter(os.path.abspath(args.voparquet), work)
    checks = Checks()
    try:
        check_round_trips(checks, converter, args.fixtures)
        check_input_and_output_channels(checks, converter, args.fixtures)
        check_options(checks, converter, args.fixtures)
        check_limits(checks, converter, args.fixtures)
        check_errors(checks, converter, args.fixtures)
        check_command_line(checks, converter, args.fixtures)
        check_output_handling(checks, converter, args.fixtures)
        check_astropy(checks, converter, args.fixtures)
        check_sample(checks, converter, args.fixtures)
        check_dp02(checks, converter, args.shared_data)
        check_spilled_for_astropy(checks, converter)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
