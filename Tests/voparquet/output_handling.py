"""voparquet convert's destinations, as users expect from cp or curl -o: devices and
FIFOs written in place, symlinks followed, the input never overwritten, bad -o values
refused as usage errors, and no temporary file left behind by a signal."""

import os
import signal
import subprocess
import threading
import time

import pyarrow.parquet as pq


def leftovers(directory):
    """Temporary files voparquet left in `directory`."""
    return [name for name in os.listdir(directory) if name.endswith(".partial")]


def check_output_handling(checks, converter, fixtures):
    source = os.path.join(fixtures, "sample.xml")
    work = os.path.join(converter.work, "outputs")
    os.makedirs(work, exist_ok=True)
    rows = pq.read_metadata(converter.convert(checks, source, "output_reference")).num_rows

    # Character devices are written in place, never replaced by a regular file.
    completed = converter.run([source, "-o", "/dev/null"])
    checks.check("-o /dev/null: succeeds and stays a device",
                 completed.returncode == 0 and not os.path.isfile("/dev/null"), completed.stderr.decode())
    if os.path.exists("/dev/full"):
        completed = converter.run([source, "-o", "/dev/full"])
        stderr = completed.stderr.decode()
        checks.check("-o /dev/full: fails on one line naming /dev/full",
                     completed.returncode == 1 and "/dev/full" in stderr and len(stderr.splitlines()) == 1, stderr)
    piped = subprocess.run([converter.binary, "convert", source, "-o", "/dev/stdout"], capture_output=True, check=False)
    checks.check("-o /dev/stdout: the file arrives on standard output",
                 piped.returncode == 0 and piped.stdout.startswith(b"PAR1") and piped.stdout.endswith(b"PAR1"))

    # A FIFO is written directly.
    fifo = os.path.join(work, "fifo")
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo, "rb").read()))
    reader.start()
    completed = converter.run([source, "-o", fifo])
    reader.join(timeout=30)
    checks.check("-o FIFO: written through the FIFO",
                 completed.returncode == 0 and received and received[0].endswith(b"PAR1") and not leftovers(work))

    # A symlink is followed: its target gets the file, the link stays.
    target = os.path.join(work, "target.parquet")
    link = os.path.join(work, "link.parquet")
    os.symlink("target.parquet", link)
    completed = converter.run([source, "-o", link])
    checks.check("-o symlink: the target is written and the link kept",
                 completed.returncode == 0 and os.path.islink(link) and pq.read_metadata(target).num_rows == rows,
                 completed.stderr.decode())

    # The input itself, directly, through a symlink, or as standard input: refused before reading.
    copy = os.path.join(work, "input.xml")
    with open(source, "rb") as f:
        original = f.read()
    with open(copy, "wb") as f:
        f.write(original)
    os.symlink("input.xml", os.path.join(work, "input-link.xml"))
    for arguments, stdin in (([copy, "-o", copy], None), ([copy, "-o", os.path.join(work, "input-link.xml")], None),
                             (["-", "-o", copy], copy)):
        with open(stdin or os.devnull, "rb") as stdin_file:
            completed = subprocess.run([converter.binary, "convert", *arguments], stdin=stdin_file,
                                       capture_output=True, check=False)
        stderr = completed.stderr.decode()
        with open(copy, "rb") as f:
            intact = f.read() == original
        checks.check(f"output is the input ({' '.join(os.path.basename(a) for a in arguments)}): usage error, input intact",
                     completed.returncode == 2 and "same file" in stderr and intact, f"status {completed.returncode}: {stderr}")

    # Usage errors: an empty name, a directory.
    for value, message in (("", "-o needs a file name"), (work, "is a directory")):
        completed = converter.run([source, "-o", value])
        stderr = completed.stderr.decode()
        checks.check(f"-o {value!r}: usage error", completed.returncode == 2 and message in stderr, stderr)

    # Messages name the path given, not the temporary file.
    missing = os.path.join(work, "no", "such", "dir", "out.parquet")
    completed = converter.run([source, "-o", missing])
    stderr = completed.stderr.decode()
    checks.check("unwritable -o: the message names the path given",
                 completed.returncode == 1 and missing in stderr and ".partial" not in stderr, stderr)

    check_signals(checks, converter, work)


def check_signals(checks, converter, work):
    """SIGINT, SIGTERM and SIGHUP in mid-conversion remove the temporary file and end
    the process by that signal; a closed standard output ends it quietly with 141."""
    header = (b'<VOTABLE><RESOURCE><TABLE><FIELD name="x" datatype="int"/><DATA><TABLEDATA>'
              + b"<TR><TD>1</TD></TR>" * 1000)
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        out = os.path.join(work, f"signal{int(number)}.parquet")
        process = subprocess.Popen([converter.binary, "convert", "-", "-o", out],
                                   stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        process.stdin.write(header)
        process.stdin.flush()
        deadline = time.time() + 10
        while not leftovers(work) and time.time() < deadline:
            time.sleep(0.02)
        started = bool(leftovers(work))
        process.send_signal(number)
        process.wait(timeout=10)
        process.stdin.close()
        checks.check(f"{signal.Signals(number).name}: temporary file removed, status {128 + number}",
                     started and process.returncode == -number and not leftovers(work) and not os.path.exists(out),
                     f"started {started}, status {process.returncode}, left {leftovers(work)}")

    # Standard output closed by its reader: quiet, status 141 (SIGPIPE).
    process = subprocess.Popen([converter.binary, "convert", "-"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    rows = b"<TR><TD>1</TD></TR>" * 200_000
    try:
        process.stdin.write(header + rows + b"</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>")
        process.stdin.close()
    except BrokenPipeError:
        pass
    process.wait(timeout=60)
    stderr = process.stderr.read()
    checks.check("closed standard output: quiet exit by SIGPIPE (141)",
                 process.returncode == -signal.SIGPIPE and stderr == b"", f"status {process.returncode}: {stderr!r}")
