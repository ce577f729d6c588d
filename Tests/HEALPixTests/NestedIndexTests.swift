import Testing

@testable import HEALPix

@Suite struct NestedIndexTests {
    /// (ra, dec) in degrees and cdshealpix's NESTED index at orders 0, 1, 10 and 29, as
    /// `hats.pixel_math.healpix_shim.radec2pix` computes them.
    static let reference: [(ra: Double, dec: Double, indexes: [Int: Int64])] = [
        (0, 0, [0: 4, 1: 19, 10: 4_980_736, 29: 1_369_094_286_720_630_784]),
        (53.1, -27.8, [0: 8, 1: 35, 10: 9_199_539, 29: 2_528_750_262_918_764_112]),
        (180, 89.9, [0: 2, 1: 11, 10: 3_145_723, 29: 864_690_023_574_515_435]),
        (270, -45, [0: 11, 1: 46, 10: 12_225_194, 29: 3_360_435_919_093_530_762]),
        // On the latitude where the north polar cap begins.
        (359.9, 41.81031489577862, [0: 3, 1: 13, 10: 3_495_254, 29: 960_768_199_699_814_810]),
        (12.5, 89.99999, [0: 0, 1: 3, 10: 1_048_575, 29: 288_230_376_151_706_449]),
        (10, 90, [0: 0, 1: 3, 10: 1_048_575, 29: 288_230_376_151_711_743]),
        (10, -90, [0: 8, 1: 32, 10: 8_388_608, 29: 2_305_843_009_213_693_952]),
        (370, 10, [0: 4, 1: 19, 10: 5_003_039, 29: 1_375_225_032_727_417_701]),
        (-10, 10, [0: 4, 1: 19, 10: 5_024_559, 29: 1_381_140_339_736_355_738]),
    ]

    @Test func matchesCDSHealpix() throws {
        for point in Self.reference {
            for (order, expected) in point.indexes {
                let index = try HEALPix.nestedIndex(order: order, raDegrees: point.ra, decDegrees: point.dec)
                #expect(index == expected, "ra \(point.ra) dec \(point.dec) order \(order)")
            }
        }
    }

    @Test func everyOrderIsTheParentOfOrder29() throws {
        for point in Self.reference {
            let deepest = try HEALPixPixel(order: 29, raDegrees: point.ra, decDegrees: point.dec)
            for order in 0...29 {
                let index = try HEALPix.nestedIndex(order: order, raDegrees: point.ra, decDegrees: point.dec)
                #expect(deepest.parent(at: order).index == index)
            }
        }
    }

    @Test func minusZeroAndWholeTurnsAreTheSameMeridian() throws {
        let zero = try HEALPix.nestedIndex(order: 29, raDegrees: 0, decDegrees: 12)
        #expect(try HEALPix.nestedIndex(order: 29, raDegrees: -0.0, decDegrees: 12) == zero)
        #expect(try HEALPix.nestedIndex(order: 29, raDegrees: 360, decDegrees: 12) == zero)
        #expect(try HEALPix.nestedIndex(order: 29, raDegrees: -720, decDegrees: 12) == zero)
        #expect(DegreePosition.wrapped(-90) == 270)
        #expect(DegreePosition.wrapped(725) == 5)
    }

    @Test func positionsWithoutACellAreRefused() {
        #expect(throws: HEALPixCoordinateError.declinationOutOfRange(decDegrees: 90.5)) {
            try HEALPix.nestedIndex(order: 5, raDegrees: 10, decDegrees: 90.5)
        }
        #expect(throws: HEALPixCoordinateError.notFinite(raDegrees: .infinity, decDegrees: 0)) {
            try HEALPix.nestedIndex(order: 5, raDegrees: .infinity, decDegrees: 0)
        }
        #expect(throws: HEALPixCoordinateError.self) {
            try HEALPix.nestedIndex(order: 5, raDegrees: 10, decDegrees: .nan)
        }
    }

    @Test func mortonCodeInterleavesBitByBit() {
        let side = UInt32(1) << 29
        for (i, j) in [(0, 0), (1, 0), (0, 1), (side - 1, side - 1), (123_456_789, 98_765_432)] as [(UInt32, UInt32)] {
            var expected: UInt64 = 0
            for bit in 0..<32 {
                expected |= UInt64(i >> bit & 1) << (2 * bit) | UInt64(j >> bit & 1) << (2 * bit + 1)
            }
            #expect(MortonCode.interleave(i, j) == expected)
        }
        #expect(MortonCode.interleave(0b11, 0b01) == 0b0111)
    }
}
