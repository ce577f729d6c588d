import Parquet
import ParquetReader
import VOParquet

/// The BINARY and BINARY2 cell decoders, fed raw stream bytes: the first byte picks
/// the serialization, the rest is base64-encoded into the STREAM of a table with
/// every datatype and arraysize form (the FIELDs of the alltypes fixtures). Any stream gives a typed error or a file that
/// reads back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBinary2(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard size > 0, let data else { return 0 }
    let serialization = data[0] & 1 == 0 ? "BINARY2" : "BINARY"
    let stream = base64(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let document =
        header + "<DATA><\(serialization)><STREAM encoding=\"base64\">\(stream)</STREAM></\(serialization)></DATA>"
        + "</TABLE></RESOURCE></VOTABLE>"
    let converter = VOTableConverter(source: MemoryByteSource(document))
    let file: [UInt8]
    do {
        let writer = try VOParquetWriter(envelope: try converter.readEnvelope(), sink: MemorySink())
        try converter.convert(into: writer)
        file = writer.sink.bytes
    } catch {
        return 0
    }
    do {
        let reader = try ParquetFileReader(bytes: file)
        for rowGroup in reader.metadata.rowGroups.indices { _ = try reader.readRecords(rowGroup: rowGroup) }
    } catch {
        fatalError("the converter wrote a file our reader rejects: \(error)")
    }
    return 0
}

/// The FIELDs of Fixtures/votable/alltypes_binary*.xml, whose streams seed the corpus.
private let header = """
    <VOTABLE version="1.4"><RESOURCE><TABLE>
    <FIELD datatype="boolean" name="flag"/>
    <FIELD datatype="bit" name="bit1"/>
    <FIELD datatype="unsignedByte" name="ubyte"><VALUES null="255"/></FIELD>
    <FIELD datatype="short" name="short16"><VALUES null="-32768"/></FIELD>
    <FIELD datatype="int" name="int32"><VALUES null="-2147483648"/></FIELD>
    <FIELD datatype="long" name="long64"><VALUES null="-9223372036854775808"/></FIELD>
    <FIELD datatype="float" name="real32"/>
    <FIELD datatype="double" name="real64"/>
    <FIELD arraysize="1" datatype="char" name="letter"/>
    <FIELD arraysize="8" datatype="char" name="fixed8"/>
    <FIELD arraysize="*" datatype="char" name="text"/>
    <FIELD arraysize="10*" datatype="char" name="upto10"/>
    <FIELD arraysize="*" datatype="unicodeChar" name="wide"/>
    <FIELD arraysize="4" datatype="unicodeChar" name="wide4"/>
    <FIELD arraysize="3" datatype="int" name="int3"><VALUES null="-1"/></FIELD>
    <FIELD arraysize="*" datatype="double" name="doubles"/>
    <FIELD arraysize="4*" datatype="float" name="floats4"/>
    <FIELD arraysize="2x3" datatype="short" name="grid"><VALUES null="-32768"/></FIELD>
    <FIELD arraysize="5" datatype="bit" name="bits5"/>
    <FIELD arraysize="3" datatype="boolean" name="flags3"/>
    <FIELD datatype="floatComplex" name="z32"/>
    <FIELD arraysize="2" datatype="doubleComplex" name="z64x2"/>
    <FIELD arraysize="*" datatype="unsignedByte" name="bytes"><VALUES null="200"/></FIELD>
    <FIELD arraysize="*" datatype="char" name="when" xtype="timestamp"/>
    """

private func base64(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var text: [UInt8] = []
    var index = 0
    while index < bytes.count {
        let chunk = bytes[index..<min(index + 3, bytes.count)]
        let group = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
        for position in 0..<4 {
            text.append(
                position <= chunk.count ? alphabet[Int(group >> (18 - 6 * UInt32(position)) & 63)] : UInt8(ascii: "="))
        }
        index += 3
    }
    return String(decoding: text, as: UTF8.self)
}
