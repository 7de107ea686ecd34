package org.lightlyjava.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SelectionJsonTest {

    private final ObjectMapper json = ApiJson.mapper();

    @Test
    void samplingRequest_isLightlysWireFormat() throws JsonProcessingException {
        SamplingCreateRequest request =
                SamplingCreateRequest.of("coreset-3", "CORESET", 3, -1).withTags("p", null);
        assertThat(json.writeValueAsString(request))
                .isEqualTo(
                        "{\"newTagName\":\"coreset-3\",\"method\":\"CORESET\",\"config\":"
                                + "{\"stoppingCondition\":{\"nSamples\":3,\"minDistance\":-1.0}},"
                                + "\"preselectedTagId\":\"p\"}");
    }

    @Test
    void samplingRequest_asLightlysClientSendsIt_unknownFieldsIgnored()
            throws JsonProcessingException {
        SamplingCreateRequest read =
                json.readValue(
                        "{\"newTagName\":\"t\",\"method\":\"RANDOM\",\"config\":{\"stoppingCondition\":"
                                + "{\"nSamples\":10,\"minDistance\":-1},\"strategy\":\"x\"},"
                                + "\"queryTagId\":\"q\",\"scoreType\":\"uncertainty_entropy\","
                                + "\"rowCount\":100,\"extra\":true}",
                        SamplingCreateRequest.class);
        assertThat(read.config().stoppingCondition().nSamples()).isEqualTo(10);
        assertThat(read.config().stoppingCondition().minDistance()).isEqualTo(-1.0);
        assertThat(read.queryTagId()).isEqualTo("q");
        assertThat(read.rowCount()).isEqualTo(100L);
    }

    @Test
    void duplicatesData_roundTrips() throws JsonProcessingException {
        String text =
                "{\"maxDistance\":0.5,\"groups\":[{\"sampleIds\":[\"a\",\"b\"],"
                        + "\"fileNames\":[\"a.jpg\",\"b.jpg\"]}],\"tagId\":\"t\"}";
        DuplicatesData data = json.readValue(text, DuplicatesData.class);
        assertThat(data.groups().get(0).fileNames()).containsExactly("a.jpg", "b.jpg");
        assertThat(json.writeValueAsString(data)).isEqualTo(text);
    }
}
