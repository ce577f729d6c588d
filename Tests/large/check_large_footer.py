"""pyarrow reads the footer of the >4 GiB file LargeFileTests wrote and must find the
offsets and sizes our reader found (make test-large).

Usage: check_large_footer.py DIR   (DIR holds large.parquet and large.json)
"""

import json
import os
import sys

import pyarrow.parquet as pq


def main(directory):
    with open(os.path.join(directory, "large.json"), encoding="utf-8") as f:
        ours = json.load(f)
    path = os.path.join(directory, "large.parquet")
    metadata = pq.read_metadata(path)
    failures = []
    if metadata.num_rows != ours["num_rows"]:
        failures.append(f"num_rows {metadata.num_rows} != {ours['num_rows']}")
    if metadata.num_row_groups != len(ours["row_groups"]):
        failures.append(f"{metadata.num_row_groups} row groups != {len(ours['row_groups'])}")
    for index, expected in enumerate(ours["row_groups"][:metadata.num_row_groups]):
        group = metadata.row_group(index)
        if (group.num_rows, group.total_byte_size) != (expected["num_rows"], expected["total_byte_size"]):
            failures.append(f"row group {index}: {group.num_rows} rows, {group.total_byte_size} bytes; expected {expected}")
        for column, want in enumerate(expected["columns"]):
            chunk = group.column(column)
            got = {"data_page_offset": chunk.data_page_offset, "total_compressed_size": chunk.total_compressed_size}
            if got != want:
                failures.append(f"row group {index} column {column}: {got} != {want}")
    print(f"large file: {os.path.getsize(path)} bytes ({os.path.getsize(path) / 2**30:.2f} GiB), "
          f"{metadata.num_rows} rows in {metadata.num_row_groups} row groups; largest row group "
          f"{max(metadata.row_group(i).total_byte_size for i in range(metadata.num_row_groups))} bytes; "
          f"last data page at {max(metadata.row_group(i).column(1).data_page_offset for i in range(metadata.num_row_groups))}")
    for failure in failures:
        print("FAIL " + failure)
    print("pyarrow footer check: " + ("FAILED" if failures else "OK"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
