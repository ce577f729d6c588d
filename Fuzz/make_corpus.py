#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (Fuzz/Corpus/TARGET/) from the files in Fixtures/."""
import base64, gzip, hashlib, pathlib, re, struct

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "Fuzz" / "Corpus"
# Larger files slow every execution down; the small ones cover the same structures.
MAX_PARQUET_BYTES = 32 << 10


def put(target, data):
    directory = corpus / target
    directory.mkdir(parents=True, exist_ok=True)
    (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)


parquet_files = sorted(p for p in (root / "Fixtures").rglob("*.parquet") if p.stat().st_size <= MAX_PARQUET_BYTES)
for path in parquet_files:
    data = path.read_bytes()
    put("FileReader", data)
    (length,) = struct.unpack("<I", data[-8:-4])
    put("ThriftDecoder", data[-8 - length:-8])

votables = sorted((root / "Fixtures" / "votable").glob("*.xml"))
for path in votables:
    data = path.read_bytes()
    put("XMLParser", data)
    put("VOTableConverter", data)
put("VOTableConverter", gzip.compress((root / "Fixtures" / "votable" / "sample.xml").read_bytes(), mtime=0))

for name, selector in (("alltypes_binary2.xml", 0), ("alltypes_binary.xml", 1)):
    text = (root / "Fixtures" / "votable" / name).read_text()
    stream = re.search(r"<STREAM[^>]*>(.*?)</STREAM>", text, re.S).group(1)
    put("Base64", bytes([3]) + stream.encode())
    put("Binary2", bytes([selector]) + base64.b64decode("".join(stream.split())))
