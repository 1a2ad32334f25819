package dev.nayose.matcher;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The host a company's website is at, as the key under which two records' websites are compared:
 * lower case, without scheme, userinfo, {@code www.}, port, path, query, fragment or trailing dot;
 * {@code https://www.Example.co.jp/recruit?x=1} is {@code example.co.jp}.
 *
 * <p>A host many companies share is not one company's identity: job boards (a posting's link to
 * its own ad), free mail, social networks and free homepage or blog services give {@code null},
 * and so do their subdomains ({@code jp.indeed.com}, {@code example.wixsite.com}).
 */
public final class WebsiteDomain {

  /**
   * Hosts of sites where many companies have a page: job boards, free mail, social networks,
   * homepage builders and blogs. Subdomains of them are shared too.
   */
  static final Set<String> SHARED_HOSTS = Set.of(
      // job boards
      "indeed.com", "townwork.net", "en-japan.com", "doda.jp", "mynavi.jp", "rikunabi.com", "baitoru.com",
      "en-gage.net", "airwork.net", "hellowork.mhlw.go.jp",
      // social networks and video
      "facebook.com", "instagram.com", "x.com", "twitter.com", "linkedin.com", "youtube.com", "tiktok.com",
      "line.me",
      // homepage builders and blogs
      "wixsite.com", "jimdofree.com", "jimdosite.com", "fc2.com", "ameblo.jp", "sites.google.com",
      "hatenablog.com", "blogspot.com", "wordpress.com", "note.com",
      // portals and free mail
      "google.com", "gmail.com", "yahoo.co.jp", "outlook.com", "hotmail.com", "icloud.com");

  private WebsiteDomain() {}

  /**
   * The host of {@code raw} (a URL, a bare host, or a mail address, whose domain is taken); {@code
   * null} when blank, when the host has no dot ({@code localhost}), an empty label or a space in
   * it, or when it is a {@link #SHARED_HOSTS shared host}.
   */
  public static String of(String raw) {
    if (raw == null) {
      return null;
    }
    String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).replace('。', '.').strip()
        .toLowerCase(Locale.ROOT);
    int scheme = text.indexOf("://");
    if (scheme >= 0) {
      text = text.substring(scheme + 3);
    } else if (text.startsWith("//")) {
      text = text.substring(2);
    }
    int end = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '?' || c == '#' || c == '\\') {
        end = i;
        break;
      }
    }
    String host = text.substring(0, end);
    host = host.substring(host.lastIndexOf('@') + 1);
    int port = host.indexOf(':');
    if (port >= 0) {
      host = host.substring(0, port);
    }
    while (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    if (!isHost(host) || isShared(host)) {
      return null;
    }
    return host;
  }

  private static boolean isHost(String host) {
    if (host.isEmpty() || host.indexOf('.') < 0 || host.startsWith(".") || host.contains("..")) {
      return false;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code host} or a parent domain of it, label by label, is shared. */
  private static boolean isShared(String host) {
    String domain = host;
    while (true) {
      if (SHARED_HOSTS.contains(domain)) {
        return true;
      }
      int dot = domain.indexOf('.');
      if (dot < 0) {
        return false;
      }
      domain = domain.substring(dot + 1);
    }
  }
}
