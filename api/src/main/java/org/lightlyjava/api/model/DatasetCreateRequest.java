package org.lightlyjava.api.model;

/**
 * {@code POST /v1/datasets}.
 *
 * @param name pattern {@code ^[a-zA-Z0-9][a-zA-Z0-9 _-]+$}
 * @param type {@code Images} (also {@code Videos}, {@code Crops})
 * @param imgType {@code full}, {@code thumbnail} or {@code meta}
 * @param creator for example {@code USER_PIP_LIGHTLY_MAGIC}
 */
public record DatasetCreateRequest(
        String name, String type, String imgType, String creator, String parentDatasetId) {

    public static DatasetCreateRequest images(String name, String creator) {
        return new DatasetCreateRequest(name, "Images", null, creator, null);
    }
}
