package io.entente.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The central directory of a ZIP file, read from its bytes without inflating anything: entry names
 * and their declared sizes. Used to recognize DOCX files and to refuse ZIP bombs before any
 * library unpacks them. Handles ZIP64 records.
 */
final class ZipDirectory {
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;

    /** One entry as the central directory declares it. */
    record Entry(String name, long compressedSize, long uncompressedSize) {
    }

    /** The directory could not be read (truncated or not a ZIP). */
    static final class ZipFormatException extends Exception {
        private static final long serialVersionUID = 1L;

        ZipFormatException(String message) {
            super(message);
        }
    }

    private final List<Entry> entries;
    private final long declaredEntries;

    private ZipDirectory(List<Entry> entries, long declaredEntries) {
        this.entries = entries;
        this.declaredEntries = declaredEntries;
    }

    List<Entry> entries() {
        return entries;
    }

    /** The number of entries the end record declares (may exceed {@link #entries()} when reading stopped early). */
    long declaredEntries() {
        return declaredEntries;
    }

    long totalUncompressed() {
        long sum = 0;
        for (Entry e : entries) {
            sum = Math.addExact(sum, e.uncompressedSize());
        }
        return sum;
    }

    boolean contains(String name) {
        return entries.stream().anyMatch(e -> e.name().equals(name));
    }

    static boolean startsLikeZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K'
                && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6) || (b[2] == 7 && b[3] == 8));
    }

    /**
     * Reads the directory, stopping after {@code maxEntries + 1} entries so that a directory of
     * millions of entries costs nothing.
     */
    static ZipDirectory read(byte[] b, int maxEntries) throws ZipFormatException {
        int eocd = -1;
        int stop = Math.max(0, b.length - 22 - 65535);
        for (int i = b.length - 22; i >= stop; i--) {
            if (u32(b, i) == EOCD) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw new ZipFormatException("no ZIP end-of-central-directory record (truncated?)");
        }
        long count = u16(b, eocd + 10);
        long cdOffset = u32(b, eocd + 16);
        if (count == 0xFFFF || cdOffset == 0xFFFFFFFFL) {
            int loc = eocd - 20;
            if (loc >= 0 && u32(b, loc) == ZIP64_LOCATOR) {
                long z = u64(b, loc + 8);
                if (z < 0 || z > b.length - 56 || u32(b, (int) z) != ZIP64_EOCD) {
                    throw new ZipFormatException("broken ZIP64 end record");
                }
                count = u64(b, (int) z + 32);
                cdOffset = u64(b, (int) z + 48);
            }
        }
        if (cdOffset < 0 || cdOffset > b.length) {
            throw new ZipFormatException("central directory offset " + cdOffset + " lies outside the file (truncated?)");
        }
        List<Entry> list = new ArrayList<>();
        int p = (int) cdOffset;
        while (list.size() <= maxEntries && p + 46 <= b.length && u32(b, p) == CENTRAL) {
            long csize = u32(b, p + 20);
            long usize = u32(b, p + 24);
            int nameLen = u16(b, p + 28);
            int extraLen = u16(b, p + 30);
            int commentLen = u16(b, p + 32);
            int nameAt = p + 46;
            if (nameAt + nameLen + extraLen > b.length) {
                throw new ZipFormatException("central directory runs past the end of the file (truncated?)");
            }
            String name = new String(b, nameAt, nameLen, StandardCharsets.UTF_8);
            if (usize == 0xFFFFFFFFL || csize == 0xFFFFFFFFL) {
                int e = nameAt + nameLen;
                int end = e + extraLen;
                while (e + 4 <= end) {
                    int id = u16(b, e);
                    int len = u16(b, e + 2);
                    if (id == 0x0001) {
                        int q = e + 4;
                        if (usize == 0xFFFFFFFFL && q + 8 <= end) {
                            usize = u64(b, q);
                            q += 8;
                        }
                        if (csize == 0xFFFFFFFFL && q + 8 <= end) {
                            csize = u64(b, q);
                        }
                        break;
                    }
                    e += 4 + len;
                }
                if (usize < 0 || csize < 0) {
                    // u64 over Long.MAX_VALUE: a lie, but a huge one
                    usize = Long.MAX_VALUE / 4;
                }
            }
            list.add(new Entry(name, csize, usize));
            p = nameAt + nameLen + extraLen + commentLen;
        }
        if (list.isEmpty() && count > 0) {
            throw new ZipFormatException("no readable central directory entries (corrupt ZIP)");
        }
        return new ZipDirectory(List.copyOf(list), Math.max(count, list.size()));
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int i) {
        if (i < 0 || i + 4 > b.length) {
            return -1;
        }
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
    }

    private static long u64(byte[] b, int i) {
        if (i < 0 || i + 8 > b.length) {
            return -1;
        }
        return u32(b, i) | u32(b, i + 4) << 32;
    }
}
