package dev.nayose.matcher;

import java.util.Arrays;

/**
 * How often each value occurs over all sites — prefecture, city, town, house number, postal code,
 * phone — as counts or sorted keys, so that agreement on a rare value weighs more than on a common
 * one; and the sites by phone.
 */
final class ValueCounts {
  private final int[] prefectureCounts = new int[48];
  private final int[] cityCounts;
  private final long[] townKeys;
  private final long[] blockKeys;
  private final int[] postcodeKeys;
  private final long[] phoneKeys;
  private final int[] phoneSites;

  ValueCounts(SiteTable table) {
    int sites = table.count();
    int phoned = 0;
    long[] phones = new long[sites];
    int[] phoneOwners = new int[sites];
    this.cityCounts = new int[table.cityCount()];
    long[] towns = new long[sites];
    long[] blocks = new long[sites];
    int[] postcodes = new int[sites];
    int townCount = 0;
    int blockCount = 0;
    int postcodeCount = 0;
    for (int s = 0; s < sites; s++) {
      if (table.phone(s) != 0) {
        phones[phoned] = table.phone(s);
        phoneOwners[phoned++] = s;
      }
      prefectureCounts[table.prefecture(s)]++;
      int city = table.city(s);
      if (city >= 0) {
        cityCounts[city]++;
        int town = table.town(s);
        if (town >= 0) {
          towns[townCount++] = townKey(city, town);
          if (table.block(s) != 0) {
            blocks[blockCount++] = blockKey(city, town, table.block(s));
          }
        }
      }
      if (table.postcode(s) >= 0) {
        postcodes[postcodeCount++] = table.postcode(s);
      }
    }
    LongIntSort.sort(phones, phoneOwners, 0, phoned);
    this.phoneKeys = Arrays.copyOf(phones, phoned);
    this.phoneSites = Arrays.copyOf(phoneOwners, phoned);
    this.townKeys = sorted(towns, townCount);
    this.blockKeys = sorted(blocks, blockCount);
    this.postcodeKeys = Arrays.copyOf(postcodes, postcodeCount);
    Arrays.sort(postcodeKeys);
  }

  int prefectureCount(int prefectureCode) {
    return prefectureCounts[prefectureCode];
  }

  int cityCount(int city) {
    return city < 0 ? 0 : cityCounts[city];
  }

  int townCount(int city, int town) {
    return count(townKeys, townKey(city, town));
  }

  int blockCount(int city, int town, long block) {
    return count(blockKeys, blockKey(city, town, block));
  }

  int postcodeCount(int postcode) {
    int from = lowerBound(postcodeKeys, postcode);
    int to = lowerBound(postcodeKeys, postcode + 1);
    return to - from;
  }

  int phoneCount(long phone) {
    return count(phoneKeys, phone);
  }

  /** The sites with this phone key, into {@code out}; returns how many (all of them, even beyond out's length). */
  int findSitesByPhone(long phone, int[] out) {
    int from = lowerBound(phoneKeys, phone);
    int n = 0;
    for (int i = from; i < phoneKeys.length && phoneKeys[i] == phone; i++, n++) {
      if (n < out.length) {
        out[n] = phoneSites[i];
      }
    }
    return n;
  }

  static long townKey(int city, int town) {
    return (long) city << 32 | (town & 0xFFFFFFFFL);
  }

  static long blockKey(int city, int town, long block) {
    return MasterIndex.hash(city + "/" + town + "/" + block);
  }

  private static long[] sorted(long[] values, int count) {
    long[] copy = Arrays.copyOf(values, count);
    Arrays.sort(copy);
    return copy;
  }

  private static int count(long[] sorted, long key) {
    int from = lowerBound(sorted, key);
    int to = from;
    while (to < sorted.length && sorted[to] == key) {
      to++;
    }
    return to - from;
  }

  static int lowerBound(long[] sorted, long key) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < key) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static int lowerBound(int[] sorted, int key) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < key) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
