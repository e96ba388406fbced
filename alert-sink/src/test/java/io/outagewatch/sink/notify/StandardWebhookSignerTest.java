package io.outagewatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StandardWebhookSignerTest {
    // The test vector of the Standard Webhooks reference libraries (svix / standard-webhooks):
    // integrations.md §8 quotes no complete example, so this is the published one.
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    static final String OTHER_SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

    private static final Instant AT = Instant.ofEpochSecond(TIMESTAMP);

    @Test
    void matchesThePublishedExample() {
        StandardWebhookSigner signer = new StandardWebhookSigner(SECRET);
        assertThat(signer.sign(ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
        assertThat(signer.verify(ID, "1614265330", BODY, SIGNATURE, AT)).isTrue();
        // The prefix is optional.
        assertThat(
                        new StandardWebhookSigner("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                                .sign(ID, TIMESTAMP, BODY))
                .isEqualTo(SIGNATURE);
    }

    @Test
    void tamperingFailsVerification() {
        StandardWebhookSigner signer = new StandardWebhookSigner(SECRET);
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(signer.verify(ID, "1614265330", tampered, SIGNATURE, AT)).isFalse();
        assertThat(signer.verify("msg_other", "1614265330", BODY, SIGNATURE, AT)).isFalse();
        assertThat(signer.verifySignature(ID, "1614265331", BODY, SIGNATURE)).isFalse();
        assertThat(signer.verify(ID, "1614265330", BODY, "v1,AAAA", AT)).isFalse();
        assertThat(signer.verify(ID, "1614265330", BODY, "v1a," + SIGNATURE.substring(3), AT))
                .isFalse();
        assertThat(signer.verify(ID, "1614265330", BODY, "v1,not base64!", AT)).isFalse();
        assertThat(
                        new StandardWebhookSigner(OTHER_SECRET)
                                .verify(ID, "1614265330", BODY, SIGNATURE, AT))
                .isFalse();
    }

    @Test
    void timestampsOutsideFiveMinutesAreRefused() {
        StandardWebhookSigner signer = new StandardWebhookSigner(SECRET);
        assertThat(signer.verify(ID, "1614265330", BODY, SIGNATURE, AT.plusSeconds(300))).isTrue();
        assertThat(signer.verify(ID, "1614265330", BODY, SIGNATURE, AT.plusSeconds(301))).isFalse();
        assertThat(signer.verify(ID, "1614265330", BODY, SIGNATURE, AT.minusSeconds(301)))
                .isFalse();
        assertThat(signer.verify(ID, "soon", BODY, SIGNATURE, AT)).isFalse();
    }

    @Test
    void severalSecretsGiveSpaceSeparatedSignatures() {
        StandardWebhookSigner rotating = new StandardWebhookSigner(List.of(OTHER_SECRET, SECRET));
        String header = rotating.sign(ID, TIMESTAMP, BODY);
        assertThat(header.split(" ")).hasSize(2).endsWith(SIGNATURE);
        assertThat(header.split(" ")[0]).startsWith("v1,");
        // A receiver that knows only the old secret still accepts it.
        assertThat(new StandardWebhookSigner(SECRET).verify(ID, "1614265330", BODY, header, AT))
                .isTrue();
        assertThat(
                        new StandardWebhookSigner(OTHER_SECRET)
                                .verify(ID, "1614265330", BODY, header, AT))
                .isTrue();
        assertThat(rotating.verify(ID, "1614265330", BODY, "v1a,xyz " + SIGNATURE, AT)).isTrue();
    }

    @Test
    void badSecretsAreRefusedWithoutShowingThem() {
        String notBase64 = "whsec_this is not base64 at all!";
        assertThatThrownBy(() -> new StandardWebhookSigner(notBase64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("this is not");
        String tooShort = "whsec_" + Base64.getEncoder().encodeToString("short-secret".getBytes());
        assertThatThrownBy(() -> new StandardWebhookSigner(tooShort))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12 bytes")
                .hasMessageNotContaining(tooShort.substring(6));
        assertThatThrownBy(() -> new StandardWebhookSigner(SECRET).sign("a.b", 1, BODY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new StandardWebhookSigner(SECRET).toString()).doesNotContain("MfKQ");
    }
}
