"""A small, lossless codec for the Thrift compact protocol.

Parquet footers are Thrift structs in the compact protocol.  This module
decodes such bytes into plain Python data and encodes them back, so that test
tooling can inspect or edit a footer without depending on a Thrift library.

Representation of decoded data:

* a struct is a ``dict`` mapping field id -> ``(type_code, value)``, in the
  order the fields appeared;
* a list or set value is ``(element_type, [values...])``;
* a map value is ``(key_type, value_type, [(key, value), ...])``;
* booleans use type code ``BOOL`` and a Python ``bool``;
* binary values are ``bytes``; integers are ``int``; doubles are ``float``.

Decoding then encoding returns the original bytes for any input written with
the usual compact-protocol conventions (short field headers where possible).
"""

import struct

BOOL = 1  # on the wire a boolean field uses type 1 (true) or 2 (false)
BOOL_FALSE = 2
BYTE = 3
I16 = 4
I32 = 5
I64 = 6
DOUBLE = 7
BINARY = 8
LIST = 9
SET = 10
MAP = 11
STRUCT = 12

_STOP = 0


class ThriftDecodeError(ValueError):
    """Raised when bytes are not a well-formed compact-protocol struct."""


class _Reader:
    """Sequential reader over a bytes buffer."""

    def __init__(self, data, offset=0):
        self.data = data
        self.pos = offset

    def byte(self):
        """Read one unsigned byte."""
        if self.pos >= len(self.data):
            raise ThriftDecodeError("unexpected end of data")
        value = self.data[self.pos]
        self.pos += 1
        return value

    def raw(self, count):
        """Read ``count`` bytes."""
        end = self.pos + count
        if end > len(self.data):
            raise ThriftDecodeError("unexpected end of data")
        chunk = bytes(self.data[self.pos:end])
        self.pos = end
        return chunk

    def varint(self):
        """Read an unsigned LEB128 varint."""
        result = 0
        shift = 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            if not b & 0x80:
                return result
            shift += 7

    def zigzag(self):
        """Read a zigzag-encoded signed varint."""
        n = self.varint()
        return (n >> 1) ^ -(n & 1)


def _read_value(reader, type_code):
    """Read one value of the given compact type from ``reader``."""
    if type_code in (BOOL, BOOL_FALSE):
        return reader.byte() == BOOL  # only used inside collections
    if type_code == BYTE:
        b = reader.byte()
        return b - 256 if b > 127 else b
    if type_code in (I16, I32, I64):
        return reader.zigzag()
    if type_code == DOUBLE:
        return struct.unpack("<d", reader.raw(8))[0]
    if type_code == BINARY:
        return reader.raw(reader.varint())
    if type_code in (LIST, SET):
        return _read_list(reader)
    if type_code == MAP:
        return _read_map(reader)
    if type_code == STRUCT:
        return _read_struct(reader)
    raise ThriftDecodeError(f"unknown compact type {type_code}")


def _read_list(reader):
    """Read a list or set: a size/type header followed by the elements."""
    header = reader.byte()
    size = header >> 4
    element_type = header & 0x0F
    if size == 15:
        size = reader.varint()
    if element_type == BOOL_FALSE:
        element_type = BOOL
    return (element_type, [_read_value(reader, element_type) for _ in range(size)])


def _read_map(reader):
    """Read a map: a varint size, a key/value type byte, then the entries."""
    size = reader.varint()
    if size == 0:
        return (0, 0, [])
    types = reader.byte()
    key_type, value_type = types >> 4, types & 0x0F
    entries = [(_read_value(reader, key_type), _read_value(reader, value_type))
               for _ in range(size)]
    return (key_type, value_type, entries)


def _read_struct(reader):
    """Read struct fields until the stop byte."""
    fields = {}
    last_id = 0
    while True:
        header = reader.byte()
        if header == _STOP:
            return fields
        delta, type_code = header >> 4, header & 0x0F
        field_id = last_id + delta if delta else reader.zigzag()
        if type_code in (BOOL, BOOL_FALSE):
            fields[field_id] = (BOOL, type_code == BOOL)
        else:
            fields[field_id] = (type_code, _read_value(reader, type_code))
        last_id = field_id


def decode_struct(data, offset=0):
    """Decode one struct starting at ``offset``; return ``(fields, end)``."""
    reader = _Reader(data, offset)
    fields = _read_struct(reader)
    return fields, reader.pos


def _varint(n):
    """Encode a non-negative int as an unsigned LEB128 varint."""
    out = bytearray()
    while True:
        low = n & 0x7F
        n >>= 7
        if n:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def _zigzag(n):
    """Encode a signed int as a zigzag varint."""
    return _varint(n << 1 if n >= 0 else ((-n) << 1) - 1)


def _write_value(out, type_code, value):
    """Append one value of the given compact type to ``out``."""
    if type_code == BOOL:
        out.append(BOOL if value else BOOL_FALSE)
    elif type_code == BYTE:
        out.append(value & 0xFF)
    elif type_code in (I16, I32, I64):
        out += _zigzag(value)
    elif type_code == DOUBLE:
        out += struct.pack("<d", value)
    elif type_code == BINARY:
        out += _varint(len(value)) + value
    elif type_code in (LIST, SET):
        _write_list(out, value)
    elif type_code == MAP:
        _write_map(out, value)
    elif type_code == STRUCT:
        _write_struct(out, value)
    else:
        raise ValueError(f"unknown compact type {type_code}")


def _write_list(out, value):
    """Append a list or set given as ``(element_type, items)``."""
    element_type, items = value
    if len(items) < 15:
        out.append((len(items) << 4) | element_type)
    else:
        out.append(0xF0 | element_type)
        out += _varint(len(items))
    for item in items:
        _write_value(out, element_type, item)


def _write_map(out, value):
    """Append a map given as ``(key_type, value_type, entries)``."""
    key_type, value_type, entries = value
    out += _varint(len(entries))
    if entries:
        out.append((key_type << 4) | value_type)
        for key, item in entries:
            _write_value(out, key_type, key)
            _write_value(out, value_type, item)


def _write_struct(out, fields):
    """Append struct fields followed by the stop byte."""
    last_id = 0
    for field_id, (type_code, value) in fields.items():
        wire_type = type_code
        if type_code == BOOL and not value:
            wire_type = BOOL_FALSE
        delta = field_id - last_id
        if 0 < delta <= 15:
            out.append((delta << 4) | wire_type)
        else:
            out.append(wire_type)
            out += _zigzag(field_id)
        if type_code != BOOL:
            _write_value(out, type_code, value)
        last_id = field_id
    out.append(_STOP)


def encode_struct(fields):
    """Encode a struct (as produced by ``decode_struct``) to bytes."""
    out = bytearray()
    _write_struct(out, fields)
    return bytes(out)
