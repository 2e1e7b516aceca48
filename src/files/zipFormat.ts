/** The zip format's record signatures and limits (APPNOTE.TXT), shared by the reader (zipArchive) and the writer. */
export const ZIP_LOCAL_HEADER = 0x04034b50;
export const ZIP_DIRECTORY_ENTRY = 0x02014b50;
export const ZIP_END_OF_DIRECTORY = 0x06054b50;
/** The largest size or offset a 32-bit field holds; a field holding it means "see the ZIP64 extra field". */
export const ZIP_MAX_32 = 0xffffffff;
