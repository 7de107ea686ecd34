package org.lightlyjava.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ApiJsonTest {

    private final ObjectMapper json = ApiJson.mapper();

    @Test
    void fieldNames_areLightlysCamelCase_andNullsAreOmitted() throws JsonProcessingException {
        String dataset =
                json.writeValueAsString(
                        new DatasetData(
                                "a", "farm", "u", null, "Images", null, 3, 100, 1, 2, null, null));
        assertThat(dataset)
                .isEqualTo(
                        "{\"id\":\"a\",\"name\":\"farm\",\"userId\":\"u\",\"type\":\"Images\","
                                + "\"nSamples\":3,\"sizeInBytes\":100,\"createdAt\":1,\"lastModifiedAt\":2}");
        assertThat(
                        json.writeValueAsString(
                                new DatasetEmbeddingData("e", "default", true, 5, false)))
                .isEqualTo(
                        "{\"id\":\"e\",\"name\":\"default\",\"isProcessed\":true,\"createdAt\":5,\"is2d\":false}");
        assertThat(json.writeValueAsString(new JobStatusMeta(10L, 0L, "USER_PIP", true)))
                .isEqualTo(
                        "{\"total\":10,\"processed\":0,\"uploadMethod\":\"USER_PIP\",\"isRegistered\":true}");
    }

    @Test
    void unknownFields_areIgnored() throws JsonProcessingException {
        SampleCreateRequest sample =
                json.readValue(
                        "{\"fileName\":\"a.jpg\",\"videoFrameData\":{},\"metaData\":{\"is_corrupted\":false}}",
                        SampleCreateRequest.class);
        assertThat(sample.fileName()).isEqualTo("a.jpg");
        assertThat(sample.metaData().get("is_corrupted").asBoolean()).isFalse();
    }
}
