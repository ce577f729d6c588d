/// splitmix64's finalizer: a 64-bit value spread over all 64 bits. The benchmark's
/// values are made from it with integer operations only, so that
/// Scripts/object_values.py, which does the same in numpy, gets identical bits.
enum SplitMix64 {
    static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
