package org.lightlyjava.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lightlyjava.dataset.DatasetException;
import org.lightlyjava.dataset.DatasetLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists the keys under a prefix (every page) and arranges them with {@link DatasetLayout}, as if
 * the prefix had been synced to a folder: keys relative to the prefix are the file names.
 */
final class S3Listing {

    private static final Logger log = LoggerFactory.getLogger(S3Listing.class);

    private S3Listing() {}

    /**
     * @param where the endpoint, for messages
     * @throws DatasetException when the bucket cannot be listed, with what to fix
     */
    static DatasetLayout.Layout list(S3Client s3, S3Location location, String where) {
        List<String> files = new ArrayList<>();
        try {
            for (S3Object object :
                    s3.listObjectsV2Paginator(
                                    request ->
                                            request.bucket(location.bucket())
                                                    .prefix(location.prefix()))
                            .contents()) {
                String relative = object.key().substring(location.prefix().length());
                if (relative.isEmpty() || relative.endsWith("/")) {
                    continue; // a "folder" marker, not a file
                }
                if (isFileName(relative)) {
                    files.add(relative);
                } else {
                    log.warn(
                            "{} skipped: the key is no relative file name", location.uri(relative));
                }
            }
        } catch (SdkException e) {
            throw new DatasetException(S3Errors.listing(location, where, e), e);
        }
        return DatasetLayout.arrange(Set.of(), files, location::uri, location.toString());
    }

    /** No empty, {@code .} or {@code ..} component: the key maps to one file of a synced folder. */
    static boolean isFileName(String relative) {
        for (String part : relative.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
