package io.outagewatch.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exception types the JDK client throws, and the class each becomes. */
class ErrorClassTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new HttpTimeoutException("request timed out"), "timeout"),
                Arguments.of(new HttpConnectTimeoutException("connect timed out"), "timeout"),
                Arguments.of(new TimeoutException(), "timeout"),
                Arguments.of(new UnknownHostException("nowhere.invalid"), "dns"),
                Arguments.of(
                        new ConnectException("x").initCause(new UnresolvedAddressException()),
                        "dns"),
                Arguments.of(new ConnectException("Connection refused"), "connect"),
                Arguments.of(new NoRouteToHostException(), "connect"),
                Arguments.of(
                        new IOException("wrapped", new ConnectException("Connection refused")),
                        "connect"),
                Arguments.of(new SSLHandshakeException("PKIX path building failed"), "tls"),
                Arguments.of(new IOException(new CertificateException("expired")), "tls"),
                Arguments.of(new IOException("connection reset"), "io"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void classifiesByTypeInTheCauseChain(Throwable failure, String expected) {
        assertThat(ErrorClass.of(failure)).isEqualTo(expected);
    }

    @Test
    void statusClassesNameTheCode() {
        assertThat(ErrorClass.http(503)).isEqualTo("http_503");
    }
}
