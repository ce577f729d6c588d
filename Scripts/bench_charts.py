"""Draw the benchmark charts of Docs/benchmarks.md from the JSON the benchmarks save.

Usage:
    bench_charts.py --engine engine.json --convert convert.json --out-dir Docs

Writes three PNG files into --out-dir:

* ``bench-throughput.png``: rows/s of every writer at every size
  (Scripts/bench_engine.py --json);
* ``bench-peak-rss.png``: their peak RSS, with the RSS the Python writers held
  when their timed write began (the values already in memory) drawn inside;
* ``bench-rss-over-time.png``: RSS sampled every 20 ms during the largest
  conversion of Scripts/bench_voparquet.py --json: `voparquet convert` next to
  pyarrow with the service's settings.
"""

import argparse
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend is chosen first)

MB = 1_000_000
DPI = 120


def writer_label(record):
    """One bar's label: writer and settings."""
    return f"{record['writer']}\n{record['settings']}"


def grouped_bars(records, value, xlabel, title, path, inner=None, inner_label=None):
    """Horizontal bars: one group per writer, one bar per row count."""
    labels = list(dict.fromkeys(writer_label(r) for r in records))
    sizes = sorted({r["rows"] for r in records})
    height = 0.8 / len(sizes)
    figure, axes = plt.subplots(figsize=(9, 0.9 * len(labels) + 1.5))
    for index, rows in enumerate(sizes):
        by_label = {writer_label(r): r for r in records if r["rows"] == rows}
        positions = [position + index * height for position in range(len(labels))]
        axes.barh(positions, [value(by_label[label]) for label in labels], height, label=f"{rows:,} rows")
        if inner:
            axes.barh(positions, [inner(by_label[label]) for label in labels], height, color="none",
                      edgecolor="black", hatch="//", linewidth=0.5,
                      label=inner_label if index == 0 else None)
    axes.set_yticks([position + height * (len(sizes) - 1) / 2 for position in range(len(labels))], labels, fontsize=8)
    axes.invert_yaxis()
    axes.set_xlabel(xlabel)
    axes.set_title(title)
    axes.legend(fontsize=8)
    axes.grid(axis="x", alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, dpi=DPI)
    plt.close(figure)


def rss_over_time(records, path):
    """RSS curves of the largest conversion's cases."""
    rows = max(r["rows"] for r in records)
    figure, axes = plt.subplots(figsize=(9, 4.5))
    for record in (r for r in records if r["rows"] == rows):
        samples = record["rss_samples"]
        axes.plot([t for t, _ in samples], [rss / MB for _, rss in samples],
                  label=f"{record['writer']}: {record['settings']}; peak {record['peak_rss_bytes'] / MB:.0f} MB")
    axes.set_xlabel("seconds since the process started")
    axes.set_ylabel("RSS (MB)")
    axes.set_title(f"RSS during a {rows:,}-row DP0.2 Object conversion (sampled every 20 ms)")
    axes.set_ylim(bottom=0)
    axes.legend(fontsize=8)
    axes.grid(alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, dpi=DPI)
    plt.close(figure)


def main(argv):
    """Read both JSON files and draw the charts."""
    parser = argparse.ArgumentParser(description="Draw the benchmark charts.")
    parser.add_argument("--engine", required=True, help="JSON saved by Scripts/bench_engine.py --json")
    parser.add_argument("--convert", required=True, help="JSON saved by Scripts/bench_voparquet.py --json")
    parser.add_argument("--out-dir", required=True)
    args = parser.parse_args(argv)
    with open(args.engine, encoding="utf-8") as f:
        writes = json.load(f)["writes"]
    with open(args.convert, encoding="utf-8") as f:
        conversions = json.load(f)
    os.makedirs(args.out_dir, exist_ok=True)
    paths = [os.path.join(args.out_dir, name)
             for name in ("bench-throughput.png", "bench-peak-rss.png", "bench-rss-over-time.png")]
    grouped_bars(writes, lambda r: r["rows_per_second"], "rows per second (higher is better)",
                 "Writing DP0.2 Object rows (991 columns): throughput", paths[0])
    grouped_bars(writes, lambda r: r["peak_rss_bytes"] / MB, "peak RSS, MB (lower is better)",
                 "Writing DP0.2 Object rows (991 columns): peak RSS", paths[1],
                 inner=lambda r: r["data_rss_bytes"] / MB, inner_label="RSS when the write began (values in memory)")
    rss_over_time(conversions, paths[2])
    for path in paths:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
