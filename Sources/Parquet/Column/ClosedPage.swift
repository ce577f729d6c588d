/// The cells of a data page once it is closed: what a column writer hands to its
/// chunk encoder, which may run on another thread. Whoever holds it owns its
/// buffers: it either gives them back to the column writer or calls `deallocate()`.
struct ClosedPage<Values: PageValues> {
    var values: Values
    /// One definition level per slot; empty while `levelsDeferred`.
    var definitionLevels: PageBuffer<UInt8>
    /// One repetition level per slot; empty for flat columns.
    var repetitionLevels: PageBuffer<UInt8>
    /// Whether the definition levels were never stored: the page has no null, so each
    /// value's level is the column's maximum.
    let levelsDeferred: Bool
    let rowCount: Int
    /// Bytes of values and levels before encoding, as the page limits count them.
    let bufferedByteCount: Int
    /// Bytes the values and levels occupy in their buffers.
    let memoryByteCount: Int

    /// Value slots: one per stored level, or one per value when the levels were deferred
    /// or the column has none.
    func slotCount(hasDefinitionLevels: Bool) -> Int {
        hasDefinitionLevels && !levelsDeferred ? definitionLevels.count : values.count
    }

    /// Frees the buffers: the page was encoded (or dropped) away from its column writer.
    func deallocate() {
        values.deallocate()
        definitionLevels.deallocate()
        repetitionLevels.deallocate()
    }
}
