import Testing

@testable import pqdump

/// The text forms of temporal and decimal values, at the edges of their ranges.
@Suite struct ValueTextTests {
    @Test func dates() {
        #expect(TemporalText.date(daysSinceEpoch: 0) == "1970-01-01")
        #expect(TemporalText.date(daysSinceEpoch: -1) == "1969-12-31")
        #expect(TemporalText.date(daysSinceEpoch: -719_162) == "0001-01-01")
        #expect(TemporalText.date(daysSinceEpoch: 2_932_896) == "9999-12-31")
        #expect(TemporalText.date(daysSinceEpoch: 2_932_897) == "+10000-01-01")
        #expect(TemporalText.date(daysSinceEpoch: -719_529) == "-0001-12-31")
        #expect(TemporalText.date(daysSinceEpoch: 11_016) == "2000-02-29")
    }

    @Test func timestamps() {
        #expect(
            TemporalText.timestamp(-1, unitsPerSecond: 1_000_000_000, adjustedToUTC: false)
                == "1969-12-31T23:59:59.999999999")
        #expect(
            TemporalText.timestamp(1_700_000_000_123, unitsPerSecond: 1_000, adjustedToUTC: true)
                == "2023-11-14T22:13:20.123Z")
        #expect(
            TemporalText.timestamp(.min, unitsPerSecond: 1_000_000_000, adjustedToUTC: true)
                == "1677-09-21T00:12:43.145224192Z")
        #expect(
            TemporalText.timestamp(.max, unitsPerSecond: 1_000, adjustedToUTC: false).hasPrefix(
                "+292278994-08-17T07:12:55.807"))
    }

    @Test func timesOfDay() {
        #expect(TemporalText.time(0, unitsPerSecond: 1_000) == "00:00:00.000")
        #expect(TemporalText.time(86_399_999_999, unitsPerSecond: 1_000_000) == "23:59:59.999999")
        #expect(TemporalText.time(-1, unitsPerSecond: 1_000) == nil)
    }

    @Test func decimals() {
        #expect(DecimalText.text(unscaled: -5, scale: 2) == "-0.05")
        #expect(DecimalText.text(unscaled: 12_345, scale: 0) == "12345")
        #expect(DecimalText.text(unscaled: 12, scale: -2) == "1200")
        #expect(DecimalText.text(bigEndian: [0xFF, 0xFF], scale: 1) == "-0.1")
        #expect(
            DecimalText.text(bigEndian: [0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], scale: 0)
                == "-170141183460469231731687303715884105728")
        #expect(DecimalText.text(bigEndian: [0x01, 0x00], scale: 3) == "0.256")
        #expect(DecimalText.text(bigEndian: [], scale: 2) == "0.00")
    }

    @Test func base64() {
        #expect(Base64.encode([]) == "")
        #expect(Base64.encode(Array("f".utf8)) == "Zg==")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
    }
}
