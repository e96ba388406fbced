package io.outagewatch.ingest.probe;

import io.outagewatch.events.ProbeResult;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which URLs a prober may check. Only {@code http} and {@code https}; and unless private targets
 * are allowed, only hosts whose every address is public, so that a prober cannot be pointed at the
 * network it runs in (loopback, private and link-local ranges, cloud metadata at 169.254.169.254).
 *
 * <p>The host is resolved here, before each check, and every address is checked. The HTTP client
 * then resolves the name again when it connects. Both lookups normally hit the JVM's DNS cache
 * ({@code networkaddress.cache.ttl}, 30 s by default), but an attacker who controls the DNS of a
 * configured name and answers with a very short TTL can still make the second lookup return a
 * private address (DNS rebinding). Probe only names you trust, or run the prober where the private
 * network is firewalled off.
 */
public final class TargetPolicy {

    /** Digits, dots and hex numbers only: a host that is meant as an IPv4 address. */
    private static final Pattern NUMERIC_HOST =
            Pattern.compile("((0[xX][0-9a-fA-F]*|[0-9]+)\\.?)+");

    /** Four decimal parts from 0 to 255 without leading zeros. */
    private static final Pattern DOTTED_QUAD =
            Pattern.compile(
                    "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
                            + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    private final boolean allowPrivateTargets;
    private final HostResolver resolver;

    public TargetPolicy(boolean allowPrivateTargets, HostResolver resolver) {
        this.allowPrivateTargets = allowPrivateTargets;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Checks that a URL is one a prober may request at all: http or https, with a host, without
     * user credentials (they would be published in every probe result), and short enough for the
     * {@link ProbeResult} contract.
     *
     * @throws IllegalArgumentException naming the URL and the problem
     */
    public static URI requireHttpUrl(String url) {
        Objects.requireNonNull(url, "url");
        if (url.length() > ProbeResult.TARGET_MAX_CHARS) {
            throw new IllegalArgumentException(
                    "url is longer than " + ProbeResult.TARGET_MAX_CHARS + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url '" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(
                    "url '" + url + "' must start with http:// or https://");
        }
        if (!uri.getScheme().equals(scheme)) {
            throw new IllegalArgumentException(
                    "url '" + url + "' must have a lower-case scheme (" + scheme + "://)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("url '" + url + "' has no host");
        }
        if (isAmbiguousNumericHost(uri.getHost())) {
            throw new IllegalArgumentException(
                    "url '"
                            + url
                            + "' has a numeric host that is not a plain dotted quad (such as"
                            + " 2130706433, 0177.0.0.1 or 0x7f000001); tools disagree on what"
                            + " address it means, so write it as four decimal numbers");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "url '"
                            + uri.getScheme()
                            + "://"
                            + uri.getHost()
                            + "/...' contains credentials; they would be published with every"
                            + " result");
        }
        return uri;
    }

    /**
     * Whether a host looks like an IPv4 address in a legacy form: one decimal or hex number, octal
     * parts with leading zeros, or fewer than four parts. Java reads {@code 0177.0.0.1} as
     * 177.0.0.1 while curl and browsers read it as 127.0.0.1; refusing such hosts means the address
     * the guard checks is the one everybody would connect to.
     */
    static boolean isAmbiguousNumericHost(String host) {
        if (!NUMERIC_HOST.matcher(host).matches()) {
            return false;
        }
        return !DOTTED_QUAD.matcher(host).matches();
    }

    /**
     * Resolves the URL's host and checks every address it resolves to.
     *
     * @throws UnknownHostException when the host does not resolve
     * @throws RefusedTargetException when an address is not public and private targets are not
     *     allowed
     */
    public List<InetAddress> resolve(URI url) throws UnknownHostException {
        String host = hostOf(url);
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        if (!allowPrivateTargets) {
            for (InetAddress address : addresses) {
                Optional<String> why = whyNotPublic(address);
                if (why.isPresent()) {
                    throw new RefusedTargetException(
                            url
                                    + " is refused: "
                                    + host
                                    + " resolves to "
                                    + address.getHostAddress()
                                    + " ("
                                    + why.get()
                                    + "); allow it with 'allowPrivateTargets: true' or"
                                    + " --allow-private-targets");
                }
            }
        }
        return List.copyOf(Arrays.asList(addresses));
    }

    static String hostOf(URI url) {
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            return host.substring(1, host.length() - 1);
        }
        return host;
    }

    /** Why an address is not a public unicast one, or empty when it is. */
    public static Optional<String> whyNotPublic(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return whyNotPublicIpv4(b);
        }
        if (address instanceof Inet6Address v6) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("unique-local fc00::/7");
            }
            if (v6.isIPv4CompatibleAddress()) {
                return Optional.of("IPv4-compatible");
            }
            // Addresses that embed an IPv4 address and reach it through a gateway.
            if (b[0] == 0x20 && b[1] == 0x02) {
                return embedded("6to4", b, 2);
            }
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
                return embedded("NAT64", b, 12);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(String kind, byte[] b, int offset) {
        return whyNotPublicIpv4(Arrays.copyOfRange(b, offset, offset + 4))
                .map(why -> kind + " of " + why);
    }

    private static Optional<String> whyNotPublicIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            return Optional.of("this-network 0.0.0.0/8");
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Optional.of("private");
        }
        if (a0 == 127) {
            return Optional.of("loopback");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("link-local");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of("carrier-grade NAT 100.64.0.0/10");
        }
        if (a0 == 192 && a1 == 0 && a2 == 0) {
            return Optional.of("IETF protocol assignments 192.0.0.0/24");
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return Optional.of("benchmarking 198.18.0.0/15");
        }
        if ((a0 == 192 && a1 == 0 && a2 == 2)
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return Optional.of("documentation");
        }
        if (a0 >= 224) {
            return Optional.of(a0 < 240 ? "multicast" : "reserved 240.0.0.0/4");
        }
        return Optional.empty();
    }

    /** A target the policy does not allow; the message names the address and how to allow it. */
    public static final class RefusedTargetException extends IllegalArgumentException {
        public RefusedTargetException(String message) {
            super(message);
        }
    }
}
