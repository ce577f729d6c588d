// PLAIN and BYTE_STREAM_SPLIT decoding copy little-endian file bytes straight into
// typed arrays, which is only correct on a little-endian host.
#if _endian(big)
#error("ParquetReader decodes by copying little-endian bytes and needs a little-endian host")
#endif
