package io.outagewatch.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class BearerAuthTest {

    private static final String ALICE_TOKEN = "alice-0123456789abcdef";
    private static final String BOB_TOKEN = "bob-0123456789abcdef";

    private final BearerAuth auth = BearerAuth.of(Map.of("alice", ALICE_TOKEN, "bob", BOB_TOKEN));

    @Test
    void aKnownTokenNamesItsClient() {
        assertThat(auth.authenticate("Bearer " + ALICE_TOKEN)).contains("alice");
        assertThat(auth.authenticate("bearer " + BOB_TOKEN)).contains("bob");
    }

    @Test
    void missingWrongOrOtherSchemesAuthenticateNobody() {
        assertThat(auth.authenticate(null)).isEmpty();
        assertThat(auth.authenticate("")).isEmpty();
        assertThat(auth.authenticate("Bearer ")).isEmpty();
        assertThat(auth.authenticate("Bearer " + ALICE_TOKEN + "x")).isEmpty();
        assertThat(auth.authenticate("Bearer " + ALICE_TOKEN.substring(1))).isEmpty();
        assertThat(auth.authenticate("Basic " + ALICE_TOKEN)).isEmpty();
        assertThat(auth.authenticate(ALICE_TOKEN)).isEmpty();
    }

    @Test
    void everyComparisonIsBetweenDigestsOfOneFixedLength() {
        for (String token : List.of("", "a", ALICE_TOKEN, ALICE_TOKEN + "x", "z".repeat(10_000))) {
            assertThat(BearerAuth.digest(token))
                    .as("digest of %d chars", token.length())
                    .hasSize(32);
        }
    }

    @Test
    void tokensOfEveryOtherLengthOrSharingAPrefixAuthenticateNobody() {
        for (int length = 1; length <= ALICE_TOKEN.length() + 8; length++) {
            String prefix = ALICE_TOKEN.substring(0, Math.min(length, ALICE_TOKEN.length()));
            String candidate = prefix + "0".repeat(Math.max(0, length - ALICE_TOKEN.length()));
            if (!candidate.equals(ALICE_TOKEN)) {
                assertThat(auth.authenticate("Bearer " + candidate)).as(candidate).isEmpty();
            }
        }
        assertThat(auth.authenticate("Bearer " + "a".repeat(100_000))).isEmpty();
        assertThat(auth.authenticate("Bearer " + ALICE_TOKEN.toUpperCase(Locale.ROOT))).isEmpty();
        assertThat(auth.authenticate("Bearer " + ALICE_TOKEN + "\u00e9")).isEmpty();
    }

    @Test
    void tellsABearerHeaderFromNone() {
        assertThat(BearerAuth.isBearer("Bearer x")).isTrue();
        assertThat(BearerAuth.isBearer("Basic eA==")).isFalse();
        assertThat(BearerAuth.isBearer(null)).isFalse();
    }

    @Test
    void readsATokenFileWithNamedAndUnnamedTokens(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(
                file, "# intake clients\n\n" + ALICE_TOKEN + "\r\n  bob   " + BOB_TOKEN + "  \n");

        BearerAuth fromFile = BearerAuth.fromFile(file);

        assertThat(fromFile.clients()).containsExactly(BearerAuth.DEFAULT_CLIENT, "bob");
        assertThat(fromFile.authenticate("Bearer " + ALICE_TOKEN))
                .contains(BearerAuth.DEFAULT_CLIENT);
        assertThat(fromFile.authenticate("Bearer " + BOB_TOKEN)).contains("bob");
    }

    @Test
    void refusesUnusableTokenFiles(@TempDir Path dir) {
        assertThatThrownBy(() -> BearerAuth.parse("# nothing\n", "tokens"))
                .hasMessage("tokens holds no token");
        assertThatThrownBy(() -> BearerAuth.parse("a b c\n", "tokens"))
                .hasMessageContaining("tokens line 1: expected TOKEN or CLIENT TOKEN");
        assertThatThrownBy(() -> BearerAuth.parse("x " + ALICE_TOKEN + "\nx " + BOB_TOKEN, "t"))
                .hasMessage("t line 2: client 'x' given twice");
        assertThatThrownBy(() -> BearerAuth.parse("x " + ALICE_TOKEN + "\ny " + ALICE_TOKEN, "t"))
                .hasMessage("clients 'x' and 'y' share a token");
        assertThatThrownBy(() -> BearerAuth.parse("short", "t"))
                .hasMessageContaining("shorter than " + BearerAuth.MIN_TOKEN_CHARS);
        assertThatThrownBy(() -> BearerAuth.parse("b@d " + ALICE_TOKEN, "t"))
                .hasMessageContaining("client id 'b@d'");
        assertThatThrownBy(() -> BearerAuth.fromFile(dir.resolve("absent")))
                .hasMessageContaining("cannot read token file");
    }

    @Test
    void neverShowsTokens() {
        assertThat(auth.toString()).doesNotContain(ALICE_TOKEN).doesNotContain(BOB_TOKEN);
    }
}
