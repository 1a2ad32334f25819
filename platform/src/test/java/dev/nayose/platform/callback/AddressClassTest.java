package dev.nayose.platform.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Address literals only: no name is looked up, so the table holds wherever the test runs. */
class AddressClassTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "127.0.0.1, LOOPBACK",
      "127.255.0.9, LOOPBACK",
      "::1, LOOPBACK",
      "0.0.0.0, ANY_LOCAL",
      "::, ANY_LOCAL",
      "0.1.2.3, THIS_NETWORK",
      "169.254.169.254, LINK_LOCAL",
      "169.254.0.1, LINK_LOCAL",
      "fe80::1, LINK_LOCAL",
      "10.0.0.1, PRIVATE",
      "10.255.255.255, PRIVATE",
      "172.16.0.1, PRIVATE",
      "172.31.255.254, PRIVATE",
      "192.168.1.1, PRIVATE",
      "fec0::1, PRIVATE",
      "100.64.0.1, SHARED",
      "100.127.255.255, SHARED",
      "fc00::1, UNIQUE_LOCAL",
      "fd12:3456:789a::1, UNIQUE_LOCAL",
      "224.0.0.1, MULTICAST",
      "239.255.255.250, MULTICAST",
      "ff02::1, MULTICAST",
      // IPv4 in IPv6: what they lead to counts
      "::ffff:127.0.0.1, LOOPBACK",
      "::ffff:169.254.169.254, LINK_LOCAL",
      "::ffff:10.1.2.3, PRIVATE",
      "::ffff:8.8.8.8, PUBLIC",
      "::127.0.0.1, LOOPBACK",
      "::192.168.0.1, PRIVATE",
      "64:ff9b::10.0.0.1, PRIVATE",
      "64:ff9b::a9fe:a9fe, LINK_LOCAL",
      "64:ff9b::8.8.8.8, PUBLIC",
      // just outside the ranges
      "172.15.255.255, PUBLIC",
      "172.32.0.0, PUBLIC",
      "192.169.0.1, PUBLIC",
      "169.253.255.255, PUBLIC",
      "100.63.255.255, PUBLIC",
      "100.128.0.0, PUBLIC",
      "11.0.0.1, PUBLIC",
      "223.255.255.255, PUBLIC",
      "fbff::1, PUBLIC",
      "fe00::1, PUBLIC",
      "1.1.1.1, PUBLIC",
      "2001:4860:4860::8888, PUBLIC",
      "2606:4700::1111, PUBLIC"})
  void classifies(String literal, AddressClass expected) throws Exception {
    AddressClass actual = AddressClass.of(InetAddress.getByName(literal));
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.isPublic()).isEqualTo(expected == AddressClass.PUBLIC);
  }

  /** InetAddress turns {@code ::ffff:a.b.c.d} into IPv4 itself; an Inet6Address built by hand keeps it. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "127.0.0.1, LOOPBACK",
      "169.254.169.254, LINK_LOCAL",
      "172.20.0.5, PRIVATE",
      "0.0.0.0, ANY_LOCAL",
      "93.184.215.14, PUBLIC"})
  void anIpv4MappedInet6AddressIsClassifiedByItsIpv4Address(String ipv4, AddressClass expected) throws Exception {
    byte[] v4 = InetAddress.getByName(ipv4).getAddress();
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(v4, 0, mapped, 12, 4);
    Inet6Address address = Inet6Address.getByAddress(null, mapped, -1);
    assertThat(address).isInstanceOf(Inet6Address.class);
    assertThat(AddressClass.of(address)).isEqualTo(expected);
  }
}
