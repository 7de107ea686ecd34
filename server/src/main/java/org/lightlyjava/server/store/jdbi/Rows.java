package org.lightlyjava.server.store.jdbi;

import org.jdbi.v3.core.mapper.RowMapper;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.DatasourceRecord;
import org.lightlyjava.server.store.Embedding2dRecord;
import org.lightlyjava.server.store.EmbeddingRecord;
import org.lightlyjava.server.store.SampleRecord;
import org.lightlyjava.server.store.TagRecord;
import org.lightlyjava.server.store.TokenRecord;
import org.lightlyjava.server.store.UploadRegistration;
import org.lightlyjava.server.store.UserRecord;

/** Row mappers, one per record; the column lists match them. */
final class Rows {

    static final String SAMPLE_COLUMNS =
            "id, dataset_id, idx, file_name, thumb_name, type, exif, meta_data, custom_meta_data,"
                    + " size_in_bytes, has_thumb, has_full, created_at, last_modified_at";

    static final String TAG_COLUMNS =
            "id, dataset_id, name, is_initial, prev_tag_id, query_tag_id, preselected_tag_id,"
                    + " bit_mask_data, tot_size, creator, changes, run_id, created_at,"
                    + " last_modified_at";

    static final RowMapper<UserRecord> USER =
            (rs, ctx) ->
                    new UserRecord(
                            rs.getString("id"), rs.getString("name"), rs.getLong("created_at"));

    static final RowMapper<TokenRecord> TOKEN =
            (rs, ctx) ->
                    new TokenRecord(
                            rs.getString("id"),
                            rs.getString("user_id"),
                            rs.getString("user_name"),
                            rs.getString("token_hash"),
                            rs.getString("last4"),
                            rs.getLong("created_at"),
                            Sql.nullableLong(rs, "expires_at"));

    static final RowMapper<DatasetRecord> DATASET =
            (rs, ctx) ->
                    new DatasetRecord(
                            rs.getString("id"),
                            rs.getString("user_id"),
                            rs.getString("name"),
                            rs.getString("type"),
                            rs.getString("img_type"),
                            rs.getString("creator"),
                            rs.getString("parent_dataset_id"),
                            rs.getLong("n_samples"),
                            rs.getLong("size_in_bytes"),
                            rs.getLong("created_at"),
                            rs.getLong("last_modified_at"));

    static final RowMapper<UploadRegistration> UPLOAD =
            (rs, ctx) ->
                    new UploadRegistration(
                            rs.getString("dataset_id"),
                            Sql.nullableLong(rs, "total"),
                            Sql.nullableLong(rs, "processed"),
                            rs.getString("upload_method"),
                            Sql.nullableBoolean(rs, "is_registered"),
                            rs.getLong("updated_at"));

    static final RowMapper<SampleRecord> SAMPLE =
            (rs, ctx) ->
                    new SampleRecord(
                            rs.getString("id"),
                            rs.getString("dataset_id"),
                            rs.getLong("idx"),
                            rs.getString("file_name"),
                            rs.getString("thumb_name"),
                            rs.getString("type"),
                            rs.getString("exif"),
                            rs.getString("meta_data"),
                            rs.getString("custom_meta_data"),
                            rs.getLong("size_in_bytes"),
                            rs.getBoolean("has_thumb"),
                            rs.getBoolean("has_full"),
                            rs.getLong("created_at"),
                            rs.getLong("last_modified_at"));

    static final RowMapper<TagRecord> TAG =
            (rs, ctx) ->
                    new TagRecord(
                            rs.getString("id"),
                            rs.getString("dataset_id"),
                            rs.getString("name"),
                            rs.getBoolean("is_initial"),
                            rs.getString("prev_tag_id"),
                            rs.getString("query_tag_id"),
                            rs.getString("preselected_tag_id"),
                            rs.getString("bit_mask_data"),
                            rs.getLong("tot_size"),
                            rs.getString("creator"),
                            rs.getString("changes"),
                            rs.getString("run_id"),
                            rs.getLong("created_at"),
                            rs.getLong("last_modified_at"));

    static final RowMapper<EmbeddingRecord> EMBEDDING =
            (rs, ctx) ->
                    new EmbeddingRecord(
                            rs.getString("id"),
                            rs.getString("dataset_id"),
                            rs.getString("name"),
                            rs.getBoolean("is_processed"),
                            Sql.nullableLong(rs, "row_count"),
                            Sql.nullableInt(rs, "dimension"),
                            rs.getLong("created_at"));

    static final RowMapper<Embedding2dRecord> EMBEDDING_2D =
            (rs, ctx) ->
                    new Embedding2dRecord(
                            rs.getString("id"),
                            rs.getString("embedding_id"),
                            rs.getString("dataset_id"),
                            rs.getString("name"),
                            rs.getString("method"),
                            rs.getLong("created_at"));

    static final RowMapper<DatasourceRecord> DATASOURCE =
            (rs, ctx) ->
                    new DatasourceRecord(
                            rs.getString("id"),
                            rs.getString("dataset_id"),
                            rs.getString("purpose"),
                            rs.getString("type"),
                            rs.getString("full_path"),
                            rs.getString("thumb_suffix"),
                            rs.getString("s3_region"),
                            rs.getString("s3_access_key_id"),
                            rs.getString("s3_secret_sealed"),
                            rs.getString("s3_kms_key"),
                            rs.getString("s3_endpoint_url"),
                            rs.getLong("created_at"),
                            rs.getLong("last_modified_at"),
                            rs.getString("s3_role_arn"),
                            rs.getString("s3_external_id"));

    private Rows() {}
}
