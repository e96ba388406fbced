package io.outagewatch.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The address guard, with a resolver that answers from a table: no DNS query is ever made. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TargetPolicyTest {

    private static final URI STATUS_PAGE = URI.create("https://status.example.com/api");

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, loopback",
        "127.8.9.10, loopback",
        "10.1.2.3, private",
        "172.16.0.1, private",
        "172.31.255.255, private",
        "192.168.1.1, private",
        "169.254.169.254, link-local",
        "100.64.0.1, carrier-grade NAT 100.64.0.0/10",
        "0.0.0.0, unspecified",
        "224.0.0.1, multicast",
        "255.255.255.255, reserved 240.0.0.0/4",
        "198.18.0.1, benchmarking 198.18.0.0/15",
        "::1, loopback",
        "::, unspecified",
        "fe80::1, link-local",
        "fc00::1, unique-local fc00::/7",
        "fd12:3456::1, unique-local fc00::/7",
        "::ffff:10.0.0.1, private",
        "2002:7f00:1::1, 6to4 of loopback",
        "64:ff9b::a9fe:a9fe, NAT64 of link-local",
    })
    void refusesAddressesOutsideThePublicInternet(String literal, String why) throws Exception {
        assertThat(TargetPolicy.whyNotPublic(InetAddress.getByName(literal))).contains(why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"})
    void acceptsPublicAddresses(String literal) throws Exception {
        assertThat(TargetPolicy.whyNotPublic(InetAddress.getByName(literal))).isEmpty();
    }

    @Test
    void refusesAPrivateAddressWithoutTheAllowFlag() throws Exception {
        TargetPolicy policy = new TargetPolicy(false, resolvesTo("10.0.0.7"));

        assertThatThrownBy(() -> policy.resolve(STATUS_PAGE))
                .isInstanceOf(TargetPolicy.RefusedTargetException.class)
                .hasMessageContaining("status.example.com resolves to 10.0.0.7 (private)")
                .hasMessageContaining("--allow-private-targets");
    }

    @Test
    void allowsAPrivateAddressWithTheAllowFlag() throws Exception {
        TargetPolicy policy = new TargetPolicy(true, resolvesTo("10.0.0.7"));

        assertThat(policy.resolve(STATUS_PAGE)).containsExactly(InetAddress.getByName("10.0.0.7"));
    }

    @Test
    void checksEveryAddressTheHostResolvesTo() throws Exception {
        TargetPolicy policy = new TargetPolicy(false, resolvesTo("93.184.215.14", "127.0.0.1"));

        assertThatThrownBy(() -> policy.resolve(STATUS_PAGE))
                .isInstanceOf(TargetPolicy.RefusedTargetException.class)
                .hasMessageContaining("127.0.0.1 (loopback)");
    }

    @Test
    void acceptsAHostWithOnlyPublicAddresses() throws Exception {
        TargetPolicy policy = new TargetPolicy(false, resolvesTo("93.184.215.14"));

        assertThat(policy.resolve(STATUS_PAGE)).hasSize(1);
    }

    @Test
    void passesTheBareHostOfAnIpv6LiteralToTheResolver() throws Exception {
        List<String> asked = new ArrayList<>();
        TargetPolicy policy =
                new TargetPolicy(
                        true,
                        host -> {
                            asked.add(host);
                            return new InetAddress[] {InetAddress.getByName(host)};
                        });

        policy.resolve(URI.create("http://[::1]:8080/"));

        assertThat(asked).containsExactly("::1");
    }

    @Test
    void unresolvableHostIsUnknown() {
        TargetPolicy policy =
                new TargetPolicy(
                        false,
                        host -> {
                            throw new UnknownHostException(host);
                        });

        assertThatThrownBy(() -> policy.resolve(STATUS_PAGE))
                .isInstanceOf(UnknownHostException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ftp://example.com/file | must start with http:// or https://",
                "file:///etc/passwd | must start with http:// or https://",
                "gopher://example.com/ | must start with http:// or https://",
                "example.com/health | must start with http:// or https://",
                "HTTP://example.com/ | lower-case scheme",
                "http:///path | has no host",
                "http://0x7F.0x0.0x0.0x1/ | has no host",
                "http://169.254.169.254.:80/ | has no host",
                "http://127.1/ | has no host",
                "https://user:secret@example.com/ | contains credentials",
                "http://exa mple.com/ | is not a URL",
            })
    void refusesUrlsThatAreNotPlainHttp(String url, String message) {
        assertThatThrownBy(() -> TargetPolicy.requireHttpUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("secret");
    }

    @Test
    void acceptsHttpAndHttps() {
        assertThat(TargetPolicy.requireHttpUrl("http://example.com:8080/x?y=1").getPort())
                .isEqualTo(8080);
        assertThat(TargetPolicy.requireHttpUrl("https://example.com").getHost())
                .isEqualTo("example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://2130706433/",
                "http://0177.0.0.1/",
                "http://017700000001/",
                "http://0x7f000001/",
                "http://10.0.0.01/",
                "https://3232235777/admin",
            })
    void refusesNumericHostsThatAreNotPlainDottedQuads(String url) {
        assertThatThrownBy(() -> TargetPolicy.requireHttpUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numeric host that is not a plain dotted quad");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://1.1.1.1/",
                "http://255.255.255.255/",
                "https://1password.com/",
                "https://123.example.com/",
                "https://0x.example.com/"
            })
    void acceptsDottedQuadsAndNamesThatStartWithDigits(String url) {
        assertThat(TargetPolicy.requireHttpUrl(url).getHost()).isNotNull();
    }

    /**
     * Every URL form of a loopback, private, link-local or unspecified address is refused through
     * the system resolver: IP literals are never looked up, and {@code localhost} resolves from the
     * hosts file.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost/",
                "http://LOCALHOST:8080/",
                "http://127.0.0.1/",
                "http://0.0.0.0/",
                "http://10.0.0.1/",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]:8080/",
                "http://[0:0:0:0:0:0:0:1]/",
                "http://[::]/",
                "http://[fc00::1]/",
                "http://[fd00:ec2::254]/",
                "http://[fe80::1]/",
                "http://[febf::1]/",
                "http://[::ffff:10.0.0.1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:a9fe:a9fe]/",
                "http://[0:0:0:0:0:ffff:7f00:1]/",
                "http://[::127.0.0.1]/",
            })
    void refusesEveryFormOfANonPublicAddress(String url) {
        TargetPolicy policy = new TargetPolicy(false, HostResolver.SYSTEM);

        assertThatThrownBy(() -> policy.resolve(TargetPolicy.requireHttpUrl(url)))
                .isInstanceOf(TargetPolicy.RefusedTargetException.class)
                .hasMessageContaining("--allow-private-targets");
    }

    private static HostResolver resolvesTo(String... literals) {
        return host -> {
            InetAddress[] addresses = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                addresses[i] =
                        InetAddress.getByAddress(
                                host, InetAddress.getByName(literals[i]).getAddress());
            }
            return addresses;
        };
    }
}
