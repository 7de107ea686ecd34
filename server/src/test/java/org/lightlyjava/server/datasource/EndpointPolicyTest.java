package org.lightlyjava.server.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightlyjava.api.model.DatasourceConfig;

class EndpointPolicyTest {

    private final EndpointPolicy shared =
            EndpointPolicy.publicOnly(List.of("http://127.0.0.1:9000/"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:9001",
                "http://localhost:9000",
                "http://169.254.169.254",
                "http://10.1.2.3:9000",
                "https://192.168.0.10",
                "http://172.16.5.5",
                "http://0.0.0.0:9000",
                "http://[::1]:9000",
                "http://[fd00::1]:9000"
            })
    void internalAddresses_areRefused_namingTheOptionThatAllowsThem(String endpoint) {
        assertThatThrownBy(() -> shared.check(endpoint))
                .isInstanceOf(DatasourceException.class)
                .hasMessageContaining("s3EndpointUrl " + endpoint)
                .hasMessageContaining("--allow-s3-endpoint");
    }

    @Test
    void publicAddresses_andAllowedEndpoints_pass() {
        assertThatCode(() -> shared.check("https://8.8.8.8")).doesNotThrowAnyException();
        assertThatCode(() -> shared.check("http://127.0.0.1:9000")).doesNotThrowAnyException();
        assertThatCode(() -> EndpointPolicy.any().check("http://127.0.0.1:1"))
                .doesNotThrowAnyException();
    }

    @Test
    void normalise_makesDefaultPortsExplicit_andRefusesOtherSchemes() {
        assertThat(EndpointPolicy.normalise("HTTP://MinIO.local/"))
                .isEqualTo("http://minio.local:80");
        assertThat(EndpointPolicy.normalise("https://s3.example.com"))
                .isEqualTo("https://s3.example.com:443");
        assertThatThrownBy(() -> EndpointPolicy.publicOnly(List.of("ftp://x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDatasourceNamingAnInternalEndpoint_isRefusedWhenStored() {
        DatasourceConfig config =
                DatasourceConfig.s3(
                        "s3://bucket/prefix/",
                        "us-east-1",
                        "AKID",
                        "secret",
                        "http://10.0.0.7:9000");
        assertThatThrownBy(() -> DatasourceConfigs.check(config, false, null, shared))
                .isInstanceOf(DatasourceException.class)
                .hasMessageContaining("internal address (10.0.0.7)");
        assertThat(
                        DatasourceConfigs.check(config, false, null, EndpointPolicy.any())
                                .s3EndpointUrl())
                .isEqualTo("http://10.0.0.7:9000");
    }
}
