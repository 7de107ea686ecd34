package org.lightlyjava.image;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the EXIF tags of an encoded image into a JSON-ready map, named as Pillow names them: IFD0
 * and the Exif sub-IFD flattened into one map (as Pillow's {@code _getexif()} does), the GPS
 * sub-IFD nested under {@code "GPSInfo"}. Values are converted by {@link ExifValues}; binary blobs
 * and the file layout tags of a TIFF are left out.
 *
 * <p>A missing or corrupt EXIF block gives an empty map, never an exception: bad metadata must not
 * cost the picture.
 */
final class ExifReader {

    private static final Logger LOG = LoggerFactory.getLogger(ExifReader.class);

    // Blobs (maker notes, embedded profiles and XMP packets) and offsets into the file: none of
    // them means anything once the picture is decoded.
    private static final Set<Integer> LEFT_OUT =
            Set.of(
                    0x927C, // MakerNote
                    0x9286, // UserComment
                    0x02BC, // XMLPacket
                    0x8773, // InterColorProfile
                    0x83BB, // IPTCNAA
                    0x8649, // ImageResources
                    0x0111, // StripOffsets
                    0x0117, // StripByteCounts
                    0x0144, // TileOffsets
                    0x0145, // TileByteCounts
                    0x0201, // JpegIFOffset
                    0x0202, // JpegIFByteCount
                    ExifTags.INTEROP_IFD);

    private ExifReader() {}

    /** The tags of the file's EXIF block; empty when it has none or it cannot be read. */
    static Map<String, Object> read(byte[] file) {
        return ExifLocator.find(file).map(span -> parse(file, span)).orElse(Map.of());
    }

    private static Map<String, Object> parse(byte[] file, ExifLocator.Span span) {
        try (var in = new ByteArrayImageInputStream(file, span.offset(), span.length())) {
            Directory directory = new TIFFReader().read(in);
            if (directory instanceof CompoundDirectory ifds) {
                // Only IFD0: IFD1 describes the embedded thumbnail (or a TIFF's second page).
                directory = ifds.directoryCount() > 0 ? ifds.getDirectory(0) : null;
            }
            return directory == null ? Map.of() : Collections.unmodifiableMap(ifd0(directory));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Ignoring an unreadable EXIF block: {}", e.toString());
            return Map.of();
        }
    }

    private static Map<String, Object> ifd0(Directory ifd0) {
        Map<String, Object> tags = new LinkedHashMap<>();
        for (Entry entry : ifd0) {
            int tag = tagOf(entry);
            Object value = entry.getValue();
            if (tag == ExifTags.EXIF_IFD && value instanceof Directory exif) {
                putAll(tags, exif, ExifTags::name);
            } else if (tag == ExifTags.GPS_IFD && value instanceof Directory gps) {
                Map<String, Object> gpsTags = new LinkedHashMap<>();
                putAll(gpsTags, gps, ExifTags::gpsName);
                tags.put(ExifTags.name(tag), Collections.unmodifiableMap(gpsTags));
            } else {
                put(tags, entry, ExifTags.name(tag));
            }
        }
        return tags;
    }

    private static void putAll(Map<String, Object> tags, Directory ifd, IntFunction<String> names) {
        for (Entry entry : ifd) {
            put(tags, entry, names.apply(tagOf(entry)));
        }
    }

    private static void put(Map<String, Object> tags, Entry entry, String name) {
        if (LEFT_OUT.contains(tagOf(entry)) || entry.getValue() instanceof Directory) {
            return;
        }
        Object value = ExifValues.toJson(entry);
        if (value != ExifValues.OMITTED) {
            tags.put(name, value);
        }
    }

    private static int tagOf(Entry entry) {
        return entry.getIdentifier() instanceof Number n ? n.intValue() : -1;
    }
}
