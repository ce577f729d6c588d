import HEALPix
import Testing
import VOParquet

@testable import HATS

@Suite struct CatalogFilesTests {
    @Test func spatialIndexFieldGoesFirst() throws {
        let document = """
            <?xml version="1.0"?>
            <vot:VOTABLE xmlns:vot="http://www.ivoa.net/xml/VOTable/v1.3" version="1.4">
              <vot:RESOURCE><vot:TABLE>
                <!-- <vot:FIELD name="commented"/> -->
                <vot:PARAM name="p" datatype="int" value="1"/>
                <vot:FIELD name="ra" datatype="double"/>
                <vot:FIELD name="dec" datatype="double"/>
              </vot:TABLE></vot:RESOURCE>
            </vot:VOTABLE>
            """
        let envelope = try VOTableEnvelope(document: document)
        let extended = try SpatialIndexColumn.envelope(adding: envelope)
        #expect(extended.fields.map(\.name) == ["_healpix_29", "ra", "dec"])
        #expect(extended.fields[0].datatype == .long && extended.fields[0].ucd == "pos.healpix")
        #expect(extended.content(overflow: false).contains("<!-- <vot:FIELD name=\"commented\"/> -->"))
        #expect(throws: VOParquetError.self) { try SpatialIndexColumn.envelope(adding: extended) }
    }

    @Test func propertiesAreEscapedAndComplete() {
        let partitions = [
            HATSPartition(pixel: HEALPixPixel(order: 1, index: 44), rows: 10),
            HATSPartition(pixel: HEALPixPixel(order: 2, index: 180), rows: 5),
        ]
        let properties = CatalogProperties(
            catalogName: " DP0.2 \\ Object", rows: 15, raColumn: "coord_ra", decColumn: "coord_dec",
            pixelThreshold: 10, partitions: partitions, datasetBytes: 4096, builder: "voparquet v0.1.0")
        let text = properties.text(now: 1_700_000_000)
        #expect(text.hasPrefix("#HATS catalog\nobs_collection=\\ DP0.2 \\\\ Object\ndataproduct_type=object\n"))
        for line in [
            "hats_nrows=15", "hats_col_ra=coord_ra", "hats_col_dec=coord_dec", "hats_max_rows=10", "hats_order=2",
            "moc_sky_fraction=0.02604", "hats_col_healpix=_healpix_29", "hats_col_healpix_order=29",
            "hats_creation_date=2023-11-14T22:13UTC", "hats_estsize=4", "hats_version=v1.0",
        ] {
            #expect(text.contains("\n" + line + "\n"), "\(line)")
        }
        #expect(PartitionInfoFile.text(partitions.reversed()) == "Norder,Npix\n1,44\n2,180\n")
    }
}

@Suite struct FileSystemTests {
    @Test func makesNestedDirectoriesAndRemovesThem() throws {
        let root = "/tmp/hats-fs-\(UInt32.random(in: 0...UInt32.max))"
        try FileSystem.makeDirectories(root + "/a/./b/c")
        try FileSystem.writeFile(root + "/a/b/c/file", Array("x".utf8))
        #expect(exists(root + "/a/b/c/file"))
        try FileSystem.makeDirectories(root + "/a/b")
        FileSystem.removeTree(root)
        #expect(!exists(root))
    }
}
