package dev.locksmith.ldap;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import dev.locksmith.core.domain.UnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reading an LDIF file whole, with the fingerprint that tells later whether it changed. */
final class LdifFile {

    /**
     * How recent a modification time must be for a same-looking file to be re-hashed anyway. File systems
     * stamp modification times coarsely (a kernel tick; 2 s on FAT), so a rewrite of the same size within one
     * tick leaves size and time unchanged; like git's "racily clean" index entries, such a file is hashed again
     * at every check until its time is older than this.
     */
    static final Duration RACY_WINDOW = Duration.ofSeconds(2);

    private static final int READ_ATTEMPTS = 3;

    /**
     * Largest LDIF file read: 1 GiB. A file is read whole; a larger one (an export gone wrong, a sparse file)
     * is refused with a typed error instead of exhausting the heap.
     */
    static final long MAX_BYTES = 1L << 30;

    /** What {@code stat} says of a file. */
    record Stat(FileTime modified, long size, Object fileKey) {
        static Stat of(BasicFileAttributes attributes) {
            return new Stat(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        }
    }

    /** A file as last read: its stat, the SHA-256 of its content, and whether the stat alone can be trusted. */
    record Fingerprint(Stat stat, HashCode sha256, boolean racy) {}

    /** A file's content and fingerprint, read consistently. */
    @SuppressWarnings("ArrayRecordComponent") // package-private carrier, read once; never compared
    record Content(Path path, byte[] bytes, Fingerprint fingerprint) {}

    private LdifFile() {}

    /** The file's stat now, or empty when it cannot be read (missing, no permission). */
    static Optional<Stat> stat(Path path) {
        try {
            return Optional.of(Stat.of(Files.readAttributes(path, BasicFileAttributes.class)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads the whole file, retrying when it changed while being read (a host rewriting it in place).
     *
     * @throws UnavailableException when it cannot be read, or kept changing during {@value #READ_ATTEMPTS} reads
     */
    static Content read(Path path) {
        try {
            for (int attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
                Stat before = Stat.of(Files.readAttributes(path, BasicFileAttributes.class));
                if (before.size() > MAX_BYTES) {
                    throw new UnavailableException(
                            path + ": the LDIF file is larger than " + (MAX_BYTES >> 20) + " MiB", null);
                }
                Instant readAt = Instant.now();
                byte[] bytes = Files.readAllBytes(path);
                Stat after = Stat.of(Files.readAttributes(path, BasicFileAttributes.class));
                if (before.equals(after) && bytes.length == after.size()) {
                    boolean racy = after.modified().toInstant().isAfter(readAt.minus(RACY_WINDOW));
                    return new Content(
                            path, bytes, new Fingerprint(after, Hashing.sha256().hashBytes(bytes), racy));
                }
            }
        } catch (IOException e) {
            throw new UnavailableException(
                    path + ": cannot read the LDIF file (" + e.getClass().getSimpleName() + ")", e);
        }
        throw new UnavailableException(
                path + ": the LDIF file changed while being read, " + READ_ATTEMPTS
                        + " times; replace it atomically (write a new file, then rename it over the old one)",
                null);
    }
}
