package io.outagewatch.ingest.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into its addresses; tests pass their own so they never query DNS. */
@FunctionalInterface
public interface HostResolver {

    /** The JVM's resolver, with its cache ({@code networkaddress.cache.ttl}). */
    HostResolver SYSTEM = InetAddress::getAllByName;

    /**
     * @param host a name or an IP literal, IPv6 literals without brackets
     * @throws UnknownHostException when the name does not resolve
     */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
