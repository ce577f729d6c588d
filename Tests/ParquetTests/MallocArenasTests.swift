import Testing

@testable import Parquet

/// `MallocArenas`: glibc takes the cap; a count of zero is refused without asking it.
@Suite struct MallocArenasTests {
    @Test func glibcTakesTheArenaCap() {
        #if canImport(Glibc)
        #expect(MallocArenas.limit(to: 2))
        #endif
        #expect(!MallocArenas.limit(to: 0))
    }
}
