/// `partition_info.csv`: the catalog's partitions, `Norder,Npix` per line, in the order of
/// their order-29 ranges (hats' breadth-first sort).
enum PartitionInfoFile {
    static func text(_ partitions: [HATSPartition]) -> String {
        "Norder,Npix\n"
            + partitions.sorted { $0.pixel < $1.pixel }.map { "\($0.pixel.order),\($0.pixel.index)\n" }.joined()
    }
}
