package dev.nayose.platform.callback;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Where an IP address leads, as far as a status callback is concerned: to the public internet, or
 * somewhere a partner must not be able to make load-service send requests to (the host itself, the
 * cloud's metadata service, the cluster's or the VPC's inside).
 *
 * <p>An IPv6 address that carries an IPv4 address ({@code ::ffff:a.b.c.d}, the deprecated
 * {@code ::a.b.c.d}, NAT64's {@code 64:ff9b::a.b.c.d}) is classified by the IPv4 address it
 * leads to.
 */
enum AddressClass {
  PUBLIC("a public address"),
  LOOPBACK("a loopback address (127.0.0.0/8, ::1)"),
  ANY_LOCAL("the unspecified address (0.0.0.0, ::), which reaches the host itself"),
  THIS_NETWORK("a this-network address (0.0.0.0/8)"),
  LINK_LOCAL("a link-local address (169.254.0.0/16 with the cloud metadata service, fe80::/10)"),
  PRIVATE("a private address (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fec0::/10)"),
  SHARED("a shared address (100.64.0.0/10, carrier-grade NAT)"),
  UNIQUE_LOCAL("an IPv6 unique local address (fc00::/7)"),
  MULTICAST("a multicast address (224.0.0.0/4, ff00::/8)");

  private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

  /** How the class reads in a callback's last error. */
  final String description;

  AddressClass(String description) {
    this.description = description;
  }

  boolean isPublic() {
    return this == PUBLIC;
  }

  static AddressClass of(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      Inet4Address embedded = embeddedIpv4(v6.getAddress());
      if (embedded != null) {
        return of(embedded);
      }
    }
    // the checks of InetAddress cover both families: 127/8 and ::1, 169.254/16 and fe80::/10,
    // 10/8, 172.16/12, 192.168/16 and fec0::/10, 224/4 and ff00::/8
    if (address.isLoopbackAddress()) {
      return LOOPBACK;
    }
    if (address.isAnyLocalAddress()) {
      return ANY_LOCAL;
    }
    if (address.isLinkLocalAddress()) {
      return LINK_LOCAL;
    }
    if (address.isSiteLocalAddress()) {
      return PRIVATE;
    }
    if (address.isMulticastAddress()) {
      return MULTICAST;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      if (first == 0) {
        // Linux connects 0.0.0.0/8 to the host itself
        return THIS_NETWORK;
      }
      if (first == 100 && (second & 0xc0) == 64) {
        return SHARED;
      }
    } else if ((bytes[0] & 0xfe) == 0xfc) {
      return UNIQUE_LOCAL;
    }
    return PUBLIC;
  }

  /** The IPv4 address an IPv6 address leads to, or null if it leads to none. */
  private static Inet4Address embeddedIpv4(byte[] v6) {
    boolean zeros = true;
    for (int i = 0; i < 10; i++) {
      zeros &= v6[i] == 0;
    }
    boolean mapped = zeros && v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    // ::a.b.c.d, except :: and ::1 themselves, which are IPv6's own unspecified and loopback
    boolean compatible = zeros && v6[10] == 0 && v6[11] == 0 && !(v6[12] == 0 && v6[13] == 0 && v6[14] == 0
        && (v6[15] == 0 || v6[15] == 1));
    boolean nat64 = Arrays.equals(v6, 0, 12, NAT64_PREFIX, 0, 12);
    if (!mapped && !compatible && !nat64) {
      return null;
    }
    try {
      return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(v6, 12, 16));
    } catch (UnknownHostException e) {
      // only thrown for an array of the wrong length
      throw new IllegalStateException(e);
    }
  }
}
